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
/// <c>additionalProperties: false</c>, <c>required</c> lists are dropped, <c>allOf</c> object members are merged into one
/// object (otherwise each member would reject the others' properties) and <c>oneOf</c> becomes <c>anyOf</c> (with
/// <c>required</c> relaxed, a subset body may legitimately fit several variants).
/// </remarks>
internal sealed class JsonSchemaBuilder
{
    // Formats NJsonSchema validates; int32/int64/double etc. only describe width and are left out on purpose.
    private static readonly HashSet<string> ValidatedFormats = new(StringComparer.Ordinal) { "date-time", "date", "email", "uuid", "uri" };

    private readonly SchemaDirection _direction;
    private readonly Dictionary<string, JsonObject> _definitions = new(StringComparer.Ordinal);

    private JsonSchemaBuilder(SchemaDirection direction) => _direction = direction;

    public static JsonObject Build(IOpenApiSchema schema, SchemaDirection direction)
    {
        var builder = new JsonSchemaBuilder(direction);
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

        return root;
    }

    private JsonObject Convert(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            EnsureDefinition(id, reference);
            return new JsonObject { ["$ref"] = "#/definitions/" + Pointer.Escape(id) };
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
        if (_direction == SchemaDirection.Response && schema.AllOf is { Count: > 0 } && TryMergeAllOf(schema) is { } merged)
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
        else if (_direction == SchemaDirection.Response && hasProperties)
        {
            // Free-form objects (no declared properties) stay open: there is nothing a consumer could be "relying on" there.
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

    private JsonArray ConvertAll(IEnumerable<IOpenApiSchema> schemas) => new(schemas.Select(s => (JsonNode?)Convert(s)).ToArray());

    /// <summary>Response-side union of <c>allOf</c> object members; null when a member is not a plain object.</summary>
    private JsonObject? TryMergeAllOf(IOpenApiSchema schema)
    {
        var members = new List<IOpenApiSchema>();
        if (!CollectObjectMembers(schema, members, depth: 0))
        {
            return null;
        }

        var properties = new JsonObject();
        var closed = true;
        foreach (var member in members)
        {
            foreach (var (name, property) in member.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                properties[name] = Convert(property);
            }

            closed &= member.AdditionalProperties is null;
        }

        var merged = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (closed)
        {
            merged["additionalProperties"] = false;
        }

        return merged;
    }

    private static bool CollectObjectMembers(IOpenApiSchema schema, List<IOpenApiSchema> members, int depth)
    {
        if (depth > 16)
        {
            return false;
        }

        var resolved = OpenApiSpec.Resolve(schema);
        if (resolved.OneOf is { Count: > 0 } || resolved.AnyOf is { Count: > 0 } || resolved.Not is not null)
        {
            return false;
        }

        var type = resolved.Type ?? JsonSchemaType.Object;
        if ((type & ~JsonSchemaType.Null) is not (JsonSchemaType.Object or 0))
        {
            return false;
        }

        members.Add(resolved);
        foreach (var child in resolved.AllOf ?? [])
        {
            if (!CollectObjectMembers(child, members, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

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
