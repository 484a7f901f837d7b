using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ZoomEvents.Generator.Diagnostics;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Parsing;

/// <summary>
/// Maps schemas to C# types: component schemas keep their names, inline schemas get names from <c>title</c> or from
/// where they appear (operation + JSON path), and structurally identical inline schemas share one type.
/// </summary>
internal sealed partial class SchemaBuilder
{
    private const int MaxDepth = 64;

    private readonly OpenApiDocument _document;
    private readonly NameTable _names;
    private readonly ParseContext _context;
    private readonly List<TypeBuilder> _types = new();
    private readonly Dictionary<string, TypeBuilder> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeBuilder> _bySignature = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TypeRef Type, bool Nullable)> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public SchemaBuilder(OpenApiDocument document, NameTable names, ParseContext context)
    {
        _document = document;
        _names = names;
        _context = context;
    }

    /// <summary>Claims names for every component schema first, so spec authors' names win over synthesized ones.</summary>
    public void RegisterComponents()
    {
        var schemas = _document.Components?.Schemas;
        if (schemas is null) return;
        foreach (var pair in schemas)
        {
            if (!WillEmitType(pair.Value)) continue;
            var wanted = Naming.Pascal(pair.Key, "Model");
            _componentNames[pair.Key] = ClaimTypeName(wanted, "#/components/schemas/" + Escape(pair.Key));
        }
        foreach (var pair in schemas)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            ResolveComponent(pair.Key, "#/components/schemas/" + Escape(pair.Key));
        }
    }

    public IEnumerable<TypeBuilder> Types => _types;

    public TypeBuilder? Find(TypeRef type) => type.Kind == TypeRefKind.Named && _byName.TryGetValue(type.NamedType!, out var b) ? b : null;

    /// <summary>Claims a type name and, with it, the converter name the emitter derives from it.</summary>
    public string ClaimTypeName(string wanted, string? pointer)
    {
        var name = wanted;
        for (var i = 2; _names.IsTaken(name) || _names.IsTaken(name + "JsonConverter"); i++)
        {
            name = wanted + i.ToString(CultureInfo.InvariantCulture);
        }
        if (name != wanted && pointer is not null)
        {
            _context.Report(DiagnosticDescriptors.NameClash, pointer, wanted, name);
        }
        _names.Reserve(name);
        _names.Reserve(name + "JsonConverter");
        return name;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The C# type for a schema, plus whether the schema allows null.</summary>
    /// <param name="propertyName">JSON name when the schema is a property's, for the number-typed-count rule.</param>
    public (TypeRef Type, bool Nullable) Resolve(IOpenApiSchema? schema, string hint, string pointer, int depth = 0, string? propertyName = null)
    {
        if (schema is null) return (TypeRef.Json, true);
        if (depth > MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "Schema nesting deeper than " + MaxDepth, "kept as raw JSON");
            return (TypeRef.Json, true);
        }
        if (schema is OpenApiSchemaReference reference)
        {
            var id = reference.Reference?.Id;
            if (reference.Target is null)
            {
                _context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? id ?? "$ref");
                return (TypeRef.Json, true);
            }
            if (id is not null && _document.Components?.Schemas?.ContainsKey(id) == true)
            {
                return ResolveComponent(id, "#/components/schemas/" + Escape(id));
            }
            return Resolve(reference.Target, hint, pointer, depth + 1);
        }

        if (schema.Not is not null)
        {
            // C# types cannot express "anything but X"; the rest of the schema still applies.
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/not", "The 'not' keyword", "values are not checked against it");
        }
        var nullable = schema.Type.HasValue && (schema.Type.Value & JsonSchemaType.Null) != 0;
        var variants = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) ?? Array.Empty<IOpenApiSchema>();
        if (variants.Count > 0)
        {
            var nonNull = variants.Where(v => !IsNullOnly(v)).ToList();
            // Null may be its own alternative (3.1) or a flag on one (3.0 "nullable: true" inside oneOf).
            if (nonNull.Count < variants.Count || nonNull.Any(AllowsNull)) nullable = true;
            if (nonNull.Count == 1) return WithNullable(Resolve(nonNull[0], hint, pointer + "/" + CompositionKeyword(schema) + "/0", depth + 1), nullable);
            if (nonNull.Count == 2 && TryBuildTolerantList(schema, nonNull, hint, pointer, depth) is { } list) return (list, nullable);
            if (nonNull.Count > 1) return (BuildUnion(schema, nonNull, hint, pointer, depth), nullable);
        }
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            // Single-member wrappers (common in Zoom's spec) are just the member.
            if (allOf.Count == 1 && schema.Properties is not { Count: > 0 } && schema.Enum is not { Count: > 0 })
            {
                return WithNullable(Resolve(allOf[0], hint, pointer + "/allOf/0", depth + 1), nullable);
            }
            return (BuildObject(schema, hint, pointer, depth, componentName: null), nullable);
        }

        var type = schema.Type.HasValue ? schema.Type.Value & ~JsonSchemaType.Null : (JsonSchemaType)0;
        if (type == 0)
        {
            if (schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null) return (BuildObject(schema, hint, pointer, depth, null), nullable);
            if (schema.Enum is { Count: > 0 } values) return (BuildEnum(schema, values.All(IsInteger) ? TypeKind.IntEnum : TypeKind.StringEnum, hint, pointer, null), nullable);
            return (TypeRef.Json, true);
        }
        switch (type)
        {
            case JsonSchemaType.String:
                if (schema.Enum is { Count: > 0 }) return (BuildEnum(schema, TypeKind.StringEnum, hint, pointer, null), nullable);
                return (schema.Format == "date-time" ? TypeRef.DateTimeOffset : TypeRef.String, nullable);
            case JsonSchemaType.Integer:
                if (schema.Enum is { Count: > 0 }) return (BuildEnum(schema, TypeKind.IntEnum, hint, pointer, null), nullable);
                return (schema.Format == "int64" ? TypeRef.Int64 : TypeRef.Int32, nullable);
            case JsonSchemaType.Number:
                if (schema.Enum is { Count: > 0 } numbers && numbers.All(IsInteger)) return (BuildEnum(schema, TypeKind.IntEnum, hint, pointer, null), nullable);
                if (schema.Format is null && (IsCount(propertyName) || schema.MultipleOf == 1m)) return (TypeRef.Int32, nullable);
                return (schema.Format switch { "int32" => TypeRef.Int32, "int64" => TypeRef.Int64, _ => TypeRef.Double }, nullable);
            case JsonSchemaType.Boolean:
                return (TypeRef.Boolean, nullable);
            case JsonSchemaType.Array:
                return (ResolveArray(schema, hint, pointer, depth), nullable);
            case JsonSchemaType.Object:
                if (schema.Properties is not { Count: > 0 } && schema.AdditionalProperties is { } valueSchema)
                {
                    var value = Resolve(valueSchema, hint + "Value", pointer + "/additionalProperties", depth + 1);
                    return (TypeRef.MapOf(TypeRef.ItemOf(value.Type, value.Nullable)), nullable);
                }
                if (schema.Properties is not { Count: > 0 }) return (TypeRef.Json, nullable);
                return (BuildObject(schema, hint, pointer, depth, null), nullable);
            default:
                // 3.1 type arrays such as [string, integer]: no single C# type fits, keep the JSON.
                return (TypeRef.Json, true);
        }
    }

    private TypeRef ResolveArray(IOpenApiSchema schema, string hint, string pointer, int depth)
    {
        var items = schema.Items;
        // Zoom puts the enum of "categories" on the array node; it describes the items.
        if (schema.Enum is { Count: > 0 } && (items is null || items.Enum is not { Count: > 0 }) && (items is null || items.Type is null || (items.Type & JsonSchemaType.String) != 0))
        {
            return TypeRef.ListOf(BuildEnumFromValues(schema.Enum, schema, TypeKind.StringEnum, hint + "Item", pointer, items?.Title));
        }
        if (items is null) return TypeRef.ListOf(TypeRef.Json);
        var item = Resolve(items, hint + "Item", pointer + "/items", depth + 1);
        return TypeRef.ListOf(TypeRef.ItemOf(item.Type, item.Nullable));
    }

    private (TypeRef Type, bool Nullable) ResolveComponent(string id, string pointer)
    {
        if (_components.TryGetValue(id, out var done)) return done;
        var schema = _document.Components!.Schemas![id];
        if (schema is null) return (TypeRef.Json, true);
        if (_componentNames.TryGetValue(id, out var name))
        {
            var nullable = schema.Type.HasValue && (schema.Type.Value & JsonSchemaType.Null) != 0;
            if (_inProgress.Contains(id))
            {
                // Recursive reference: the builder is registered before its members are walked.
                return (_byName[name].Ref, nullable);
            }
            _inProgress.Add(id);
            try
            {
                var kind = ComponentKind(schema);
                var type = kind switch
                {
                    TypeKind.StringEnum or TypeKind.IntEnum => BuildEnum(schema, kind, name, pointer, name),
                    TypeKind.Union => BuildUnion(schema, (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)!.Where(v => !IsNullOnly(v)).ToList(), name, pointer, 0, name),
                    _ => BuildObject(schema, name, pointer, 0, name),
                };
                var result = (type, nullable);
                _components[id] = result;
                return result;
            }
            finally
            {
                _inProgress.Remove(id);
            }
        }
        // Aliases (a component that is just a string, array, …) inline to their target type.
        if (!_inProgress.Add(id)) return (TypeRef.Json, true);
        try
        {
            var alias = Resolve(schema, Naming.Pascal(id, "Model"), pointer, 1);
            _components[id] = alias;
            return alias;
        }
        finally
        {
            _inProgress.Remove(id);
        }
    }

    private static bool WillEmitType(IOpenApiSchema? schema) => schema is not null && schema is not OpenApiSchemaReference && ComponentKind(schema) is { } kind && (kind != TypeKind.Object || IsObjectLike(schema));

    private static TypeKind ComponentKind(IOpenApiSchema schema)
    {
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            var alternatives = (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)!.Where(v => !IsNullOnly(v)).ToList();
            // A list-or-item pair is a list, not a union: as a component it is an alias, like any other non-object.
            if (alternatives.Count > 1 && !(IsListOrItemPair(alternatives) && !IsObjectLike(schema))) return TypeKind.Union;
        }
        if (schema.Enum is { Count: > 0 } values)
        {
            var type = schema.Type.HasValue ? schema.Type.Value & ~JsonSchemaType.Null : (JsonSchemaType)0;
            if (type == JsonSchemaType.Integer || (type is JsonSchemaType.Number or 0 && values.All(IsInteger))) return TypeKind.IntEnum;
            if (type is JsonSchemaType.String or 0) return TypeKind.StringEnum;
        }
        return TypeKind.Object;
    }

    private static bool IsObjectLike(IOpenApiSchema schema)
    {
        if (schema.AllOf is { Count: > 1 } || (schema.AllOf is { Count: 1 } && schema.Properties is { Count: > 0 })) return true;
        return schema.Properties is { Count: > 0 };
    }

    private static bool IsNullOnly(IOpenApiSchema? schema) => schema is null || schema.Type == JsonSchemaType.Null;

    private static bool AllowsNull(IOpenApiSchema? schema) => Target(schema)?.Type is { } type && (type & JsonSchemaType.Null) != 0;

    private static string CompositionKeyword(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";

    private static (TypeRef Type, bool Nullable) WithNullable((TypeRef Type, bool Nullable) value, bool nullable) => (value.Type, value.Nullable || nullable);

    /// <summary>
    /// Zoom types counts (total_records, quantity, sold_quantity, page_size) as "number"; a double would be a surprising
    /// type for them. They are read tolerantly (1.0 and "1" are accepted), so the narrower type is safe.
    /// </summary>
    private static bool IsCount(string? name)
    {
        if (name is null) return false;
        var n = name.ToLowerInvariant();
        return n is "total_records" or "page_size" or "page_count" or "quantity" or "count"
            || n.EndsWith("_count", StringComparison.Ordinal) || n.EndsWith("_quantity", StringComparison.Ordinal)
            || n.StartsWith("number_of_", StringComparison.Ordinal);
    }

    private static bool IsInteger(JsonNode? node) => node is null || IntegerText(node) is not null;

    /// <summary>
    /// The integer a JSON number node holds, as invariant text; null for non-integers. The YAML reader stores numbers
    /// as decimal-backed values, which TryGetValue&lt;long&gt; refuses, so this goes through the number's JSON text.
    /// </summary>
    internal static string? IntegerText(JsonNode node)
    {
        if (node is not JsonValue value) return null;
        var kind = value.GetValueKind();
        string text;
        if (kind == System.Text.Json.JsonValueKind.Number) text = value.ToJsonString();
        else if (kind == System.Text.Json.JsonValueKind.String && value.TryGetValue<string>(out var s)) text = s.Trim();
        else return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return l.ToString(CultureInfo.InvariantCulture);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && decimal.Truncate(d) == d && d <= long.MaxValue && d >= long.MinValue)
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>Keeps the first type for a structure; a later identical inline schema reuses it.</summary>
    private TypeRef Register(TypeBuilder builder, string? componentName)
    {
        if (componentName is not null)
        {
            // Components are registered before their members are walked (for recursion); their signature is added
            // once complete, by RegisterSignatureOnly.
            if (_byName.ContainsKey(builder.Name)) return builder.Ref;
            _types.Add(builder);
            _byName[builder.Name] = builder;
            return builder.Ref;
        }
        var signature = builder.Signature();
        if (_bySignature.TryGetValue(signature, out var existing))
        {
            // The draft's name was claimed speculatively; hand it back so the next schema can use it.
            _names.Release(builder.Name);
            _names.Release(builder.Name + "JsonConverter");
            return existing.Ref;
        }
        if (!_bySignature.ContainsKey(signature)) _bySignature[signature] = builder;
        if (!_byName.ContainsKey(builder.Name))
        {
            _types.Add(builder);
            _byName[builder.Name] = builder;
        }
        return builder.Ref;
    }

    /// <summary>Title first (readable), else the path-derived hint; a taken name gets a numeric suffix.</summary>
    private string InlineName(IOpenApiSchema schema, string hint, string pointer)
    {
        var title = string.IsNullOrWhiteSpace(schema.Title) ? null : Naming.Pascal(schema.Title, hint);
        if (title is not null && !_names.IsTaken(title) && !_names.IsTaken(title + "JsonConverter")) return ClaimTypeName(title, null);
        return ClaimTypeName(hint, _names.IsTaken(hint) ? pointer : null);
    }
}
