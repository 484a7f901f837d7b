using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Schemas;

/// <summary>
/// Translates an OpenAPI schema into a self-contained JSON Schema document (draft-04 style, which NJsonSchema reads),
/// with every component reference inlined into <c>definitions</c>.
/// </summary>
/// <remarks>
/// Response direction applies the bi-directional contract rules: objects that declare properties get
/// <c>additionalProperties: false</c>, <c>required</c> lists are dropped, object composition (<c>allOf</c> members, and
/// properties declared next to <c>oneOf</c>/<c>anyOf</c>) is flattened into one closed object per variant (otherwise each
/// piece would reject the others' properties) and <c>oneOf</c> becomes <c>anyOf</c> (with <c>required</c> relaxed, a
/// subset body may legitimately fit several variants). Properties all variants share are checked once beside them.
/// </remarks>
internal sealed class JsonSchemaBuilder
{
    // Formats NJsonSchema validates; int32/int64/double etc. only describe width and are left out on purpose.
    private static readonly HashSet<string> ValidatedFormats = new(StringComparer.Ordinal) { "date-time", "date", "email", "uuid", "uri" };

    /// <summary>
    /// Expansion work (variants formed plus properties placed into merged variants) one build may spend before composed
    /// objects are left open instead of merged. Far above what real specs need (the Zoom contract uses a few hundred);
    /// it bounds specs whose compositions multiply each other.
    /// </summary>
    internal const int DefaultWorkBudget = 20_000;

    // Inline schemas shared by several merged variants are moved into definitions under this prefix. '/' cannot occur in a
    // referenceable component name, so these never collide with component definitions.
    private const string SharedDefinitionPrefix = "inline/";

    private readonly SchemaDirection _direction;
    private readonly int _workBudget;
    private readonly Dictionary<string, JsonObject> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<IOpenApiSchema, SharedSchema> _shared = new(ReferenceEqualityComparer.Instance);
    private int _work;
    private int _fallBacks;
    private int _sharedDefinitions;

    private JsonSchemaBuilder(SchemaDirection direction, int workBudget)
    {
        _direction = direction;
        _workBudget = workBudget;
    }

    /// <summary>What one build spent: expansion work units and how many composed objects were left open for lack of budget.</summary>
    internal sealed record ExpansionStats(int Work, int FallBacks);

    public static JsonObject Build(IOpenApiSchema schema, SchemaDirection direction) => Build(schema, direction, DefaultWorkBudget, out _);

    internal static JsonObject Build(IOpenApiSchema schema, SchemaDirection direction, int workBudget, out ExpansionStats stats)
    {
        var builder = new JsonSchemaBuilder(direction, workBudget);
        JsonObject root;
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            // A root that is only "$ref" would hide its sibling "definitions" in draft-04; inline the target instead.
            builder.EnsureDefinition(id, reference);
            root = (JsonObject)builder._definitions[id].DeepClone();
        }
        else
        {
            root = builder.Convert(schema);
        }

        if (builder._definitions.Count > 0)
        {
            var definitions = new JsonObject();
            foreach (var (name, definition) in builder._definitions)
            {
                definitions[name] = definition.DeepClone();
            }

            root["definitions"] = definitions;
        }

        stats = new ExpansionStats(builder._work, builder._fallBacks);
        return root;
    }

    private JsonObject Convert(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            EnsureDefinition(id, reference);
            return DefinitionRef(id);
        }

        var core = ConvertCore(schema);
        return OpenApiSpec.IsNullable(schema) ? AllowNull(core) : core;
    }

    private void EnsureDefinition(string id, OpenApiSchemaReference reference)
    {
        if (_definitions.ContainsKey(id))
        {
            return;
        }

        // Placeholder first so recursive schemas terminate; filled in below.
        var placeholder = new JsonObject();
        _definitions[id] = placeholder;
        var converted = Convert(OpenApiSpec.Resolve(reference));
        foreach (var (key, value) in converted.ToList())
        {
            converted.Remove(key);
            placeholder[key] = value;
        }
    }

    private JsonObject ConvertCore(IOpenApiSchema schema)
    {
        if (_direction == SchemaDirection.Response && TryMergeComposition(schema) is { } merged)
        {
            return merged;
        }

        var result = new JsonObject();
        var types = TypeNames(schema.Type);
        if (types.Count == 1)
        {
            result["type"] = types[0];
        }
        else if (types.Count > 1)
        {
            result["type"] = new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            result["enum"] = new JsonArray(values.Select(v => v?.DeepClone()).ToArray());
        }

        if (schema.Format is { } format && ValidatedFormats.Contains(format))
        {
            result["format"] = format;
        }

        AddNumber(result, "minimum", schema.Minimum);
        AddNumber(result, "maximum", schema.Maximum);
        AddNumber(result, "exclusiveMinimum", schema.ExclusiveMinimum);
        AddNumber(result, "exclusiveMaximum", schema.ExclusiveMaximum);
        AddCount(result, "minLength", schema.MinLength);
        AddCount(result, "maxLength", schema.MaxLength);
        AddCount(result, "minItems", schema.MinItems);
        AddCount(result, "maxItems", schema.MaxItems);
        if (schema.Pattern is { } pattern)
        {
            result["pattern"] = pattern;
        }

        if (schema.UniqueItems == true)
        {
            result["uniqueItems"] = true;
        }

        if (schema.Items is { } items)
        {
            result["items"] = Convert(items);
        }

        AddObjectKeywords(schema, result);
        AddComposition(schema, result);
        return result;
    }

    private void AddObjectKeywords(IOpenApiSchema schema, JsonObject result)
    {
        var hasProperties = schema.Properties is { Count: > 0 };
        if (hasProperties)
        {
            var properties = new JsonObject();
            foreach (var (name, property) in schema.Properties!)
            {
                properties[name] = Convert(property);
            }

            result["properties"] = properties;
        }

        if (_direction == SchemaDirection.Request && schema.Required is { Count: > 0 } required)
        {
            result["required"] = new JsonArray(required.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        if (schema.AdditionalProperties is { } additional)
        {
            result["additionalProperties"] = Convert(additional);
        }
        else if (!schema.AdditionalPropertiesAllowed)
        {
            result["additionalProperties"] = false;
        }
        else if (_direction == SchemaDirection.Response && hasProperties && !HasComposition(schema)
                 && !OpenApiSpec.AllowsAdditionalPropertiesExplicitly(schema))
        {
            // Only objects that say nothing about extra members are closed; an explicit "additionalProperties: true" is
            // a promise that extra members may come, so a consumer reading them relies on nothing undocumented.
            // Free-form objects (no declared properties) stay open: there is nothing a consumer could be "relying on" there.
            // Composed objects reach this point only when they could not be merged (see TryMergeComposition); closing the
            // parent alone would reject every branch's properties, so it stays open.
            result["additionalProperties"] = false;
        }
    }

    private void AddComposition(IOpenApiSchema schema, JsonObject result)
    {
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            result["allOf"] = ConvertAll(allOf);
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            result[_direction == SchemaDirection.Response ? "anyOf" : "oneOf"] = ConvertAll(oneOf);
        }

        if (schema.AnyOf is { Count: > 0 } anyOf)
        {
            result["anyOf"] = ConvertAll(anyOf);
        }

        if (schema.Not is { } not)
        {
            result["not"] = Convert(not);
        }
    }

    private static bool HasComposition(IOpenApiSchema schema) =>
        schema.AllOf is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 };

    private JsonArray ConvertAll(IEnumerable<IOpenApiSchema> schemas) => new(schemas.Select(s => (JsonNode?)Convert(s)).ToArray());

    /// <summary>
    /// Response-side flattening of object composition. Closing each piece separately would make every piece reject the
    /// others' properties, so the schema is expanded into its variants instead: the parent's own properties and every
    /// <c>allOf</c> member are pushed into each <c>oneOf</c>/<c>anyOf</c> branch, and only the merged variants are closed.
    /// Null when the composition is not made of plain objects (then the caller keeps the keywords as they are).
    /// </summary>
    private JsonObject? TryMergeComposition(IOpenApiSchema schema)
    {
        var hasAlternatives = schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 };
        var hasOwnProperties = schema.Properties is { Count: > 0 };
        if (schema.AllOf is not { Count: > 0 } && !(hasAlternatives && hasOwnProperties) && schema.AnyOf is not { Count: > 1 })
        {
            // A bare oneOf of references keeps its $refs: each branch is a complete object on its own. A bare anyOf does
            // not: a body may combine several branches, which closed branches would each reject.
            return null;
        }

        var variants = _work < _workBudget ? Expand(schema, depth: 0) : null;
        if (_work >= _workBudget)
        {
            // Out of budget: a spec whose compositions multiply each other is left unchecked here rather than taking
            // minutes. Open, not closed: the unmerged pieces would each reject the others' properties (false errors).
            _fallBacks++;
            return new JsonObject
            {
                ["type"] = "object",
                ["description"] = "not checked: composition too large to expand into variants",
            };
        }

        if (variants is null)
        {
            return null;
        }

        if (variants.Count == 1)
        {
            return Merge(variants[0], shared: null);
        }

        // A property every variant carries with the same schema (the parent's own, an allOf member's) is checked once, next
        // to the anyOf, and only declared inside the variants. Checking it inside each variant would re-validate a nested
        // composed value once per variant at every level (exponential in the body's depth), and a wrong value there would
        // make every variant fail alike, hiding the field behind "matches no variant".
        var shared = SharedProperties(variants);
        var sharedSchemas = new JsonObject();
        foreach (var (name, property) in shared)
        {
            _work++;
            sharedSchemas[name] = Convert(property);
        }

        var result = new JsonObject();
        if (sharedSchemas.Count > 0)
        {
            result["properties"] = sharedSchemas;
        }

        result["anyOf"] = new JsonArray(variants.Select(v => (JsonNode?)Merge(v, shared)).ToArray());
        return result;
    }

    /// <summary>The properties a variant ends up with: members later in the list override same-named earlier ones.</summary>
    private static Dictionary<string, IOpenApiSchema> PropertiesOf(Variant variant)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var member in variant.Members)
        {
            foreach (var (name, property) in member.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                properties[name] = property;
            }
        }

        return properties;
    }

    private static Dictionary<string, IOpenApiSchema> SharedProperties(List<Variant> variants)
    {
        var maps = variants.Select(PropertiesOf).ToList();
        return maps[0]
            .Where(pair => maps.Skip(1).All(m => m.TryGetValue(pair.Key, out var other) && ReferenceEquals(other, pair.Value)))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    /// <summary>One way a composed object can look: the object schemas whose properties it carries.</summary>
    private sealed record Variant(IReadOnlyList<IOpenApiSchema> Members, bool SaysNullable, bool SaysNotNullable)
    {
        // A member with a concrete type but no null forbids null; typeless members do not constrain it either way.
        public bool AcceptsNull => SaysNullable && !SaysNotNullable;

        public Variant With(Variant other) =>
            new([.. Members, .. other.Members], SaysNullable || other.SaysNullable, SaysNotNullable || other.SaysNotNullable);
    }

    // Beyond this many variants the schema is validated unmerged rather than blowing up combinatorially.
    private const int MaxVariants = 64;

    private List<Variant>? Expand(IOpenApiSchema schema, int depth)
    {
        if (depth > 16)
        {
            return null;
        }

        var resolved = OpenApiSpec.Resolve(schema);
        var type = resolved.Type ?? JsonSchemaType.Object;
        if (resolved.Not is not null || (type & ~JsonSchemaType.Null) is not (JsonSchemaType.Object or 0))
        {
            return null;
        }

        var nullable = OpenApiSpec.IsNullable(resolved);
        List<Variant>? variants = [new Variant([resolved], nullable, resolved.Type is not null && !nullable)];
        foreach (var member in resolved.AllOf ?? [])
        {
            variants = Combine(variants, Expand(member, depth + 1));
        }

        foreach (var alternatives in new[] { resolved.OneOf, resolved.AnyOf })
        {
            if (alternatives is not { Count: > 0 })
            {
                continue;
            }

            var branches = new List<Variant>();
            // anyOf lets a value match several branches at once. With required relaxed, the merge of all branches accepts
            // every combination of them; past the variant cap only single branches are offered. oneOf means exactly one.
            var isAnyOf = ReferenceEquals(alternatives, resolved.AnyOf) && alternatives.Count > 1;
            List<Variant>? allBranches = isAnyOf ? [new Variant([], SaysNullable: false, SaysNotNullable: false)] : null;
            foreach (var branch in alternatives)
            {
                if (Expand(branch, depth + 1) is not { } expanded)
                {
                    return null;
                }

                branches.AddRange(expanded);
                allBranches = allBranches is null ? null : Combine(allBranches, expanded);
            }

            if (allBranches is not null)
            {
                branches.AddRange(allBranches);
            }

            variants = Combine(variants, branches);
        }

        return variants;
    }

    private List<Variant>? Combine(List<Variant>? left, List<Variant>? right)
    {
        if (left is null || right is null || left.Count * right.Count > MaxVariants)
        {
            return null;
        }

        _work += left.Count * right.Count;
        if (_work >= _workBudget)
        {
            return null;
        }

        return left.SelectMany(l => right.Select(l.With)).ToList();
    }

    /// <param name="variant">The members whose properties the merged object declares.</param>
    /// <param name="shared">Properties checked outside the variants (see TryMergeComposition); only declared here.</param>
    private JsonObject Merge(Variant variant, Dictionary<string, IOpenApiSchema>? shared)
    {
        var properties = new JsonObject();
        foreach (var (name, property) in PropertiesOf(variant))
        {
            _work++;
            properties[name] = shared?.ContainsKey(name) == true ? new JsonObject() : ConvertShared(property);
        }

        var closed = variant.Members.All(m => m.AdditionalProperties is null && !OpenApiSpec.AllowsAdditionalPropertiesExplicitly(m));

        var merged = new JsonObject
        {
            ["type"] = variant.AcceptsNull ? new JsonArray("object", "null") : "object",
            ["properties"] = properties,
        };
        if (closed && properties.Count > 0)
        {
            merged["additionalProperties"] = false;
        }

        return merged;
    }

    /// <summary>An inline property schema already converted for one merged variant, and where it went.</summary>
    private sealed class SharedSchema(JsonObject node)
    {
        public JsonObject Node { get; } = node;

        public string? Definition { get; set; }
    }

    /// <summary>
    /// Converts a property schema that several merged variants carry (the parent's properties go into every variant)
    /// exactly once. Converting it again per variant re-expands any composition nested inside it, which multiplies with
    /// every level of nesting; copying the result would still grow the output that way, so a schema with sub-schemas is
    /// moved into definitions on its second use and referenced from every variant. Leaf schemas are simply copied.
    /// </summary>
    private JsonNode ConvertShared(IOpenApiSchema property)
    {
        if (property is OpenApiSchemaReference)
        {
            return Convert(property);
        }

        if (!_shared.TryGetValue(property, out var shared))
        {
            var converted = Convert(property);
            _shared[property] = new SharedSchema(converted);
            return converted;
        }

        if (shared.Definition is null)
        {
            if (IsLeaf(shared.Node) || shared.Node.Parent is not JsonObject firstParent)
            {
                return shared.Node.DeepClone();
            }

            shared.Definition = SharedDefinitionPrefix + (_sharedDefinitions++).ToString(CultureInfo.InvariantCulture);
            firstParent[shared.Node.GetPropertyName()] = DefinitionRef(shared.Definition);
            _definitions[shared.Definition] = shared.Node;
        }

        return DefinitionRef(shared.Definition);
    }

    private static JsonObject DefinitionRef(string name) => new() { ["$ref"] = "#/definitions/" + Pointer.Escape(name) };

    private static bool IsLeaf(JsonObject schema) =>
        !schema.Any(pair => pair.Key is "properties" or "items" or "additionalProperties" or "allOf" or "anyOf" or "oneOf" or "not"
            && pair.Value is JsonObject or JsonArray);

    private static JsonObject AllowNull(JsonObject core)
    {
        switch (core["type"])
        {
            case JsonValue single when single.GetValue<string>() != "null":
                core["type"] = new JsonArray(single.GetValue<string>(), "null");
                break;
            case JsonArray many when !many.Any(t => t?.GetValue<string>() == "null"):
                many.Add("null");
                break;
            case null:
                return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, core) };
        }

        if (core["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        return core;
    }

    private static List<string> TypeNames(JsonSchemaType? type)
    {
        var names = new List<string>();
        if (type is not { } t)
        {
            return names;
        }

        foreach (var (flag, name) in new[]
                 {
                     (JsonSchemaType.String, "string"), (JsonSchemaType.Integer, "integer"), (JsonSchemaType.Number, "number"),
                     (JsonSchemaType.Boolean, "boolean"), (JsonSchemaType.Object, "object"), (JsonSchemaType.Array, "array"),
                 })
        {
            if (t.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void AddNumber(JsonObject target, string keyword, string? value)
    {
        if (value is not null && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            target[keyword] = number;
        }
    }

    private static void AddCount(JsonObject target, string keyword, int? value)
    {
        if (value is { } count)
        {
            target[keyword] = count;
        }
    }
}
