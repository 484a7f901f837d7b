using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using ZoomEvents.Generator.Diagnostics;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Parsing;

internal sealed partial class SchemaBuilder
{
    // Members every record, struct or union already has; spec names must not collide with them.
    private static readonly string[] RecordMembers = { "EqualityContract", "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize", "PrintMembers", "Deconstruct" };
    private static readonly string[] EnumStructMembers = { "Value", "IsKnown", "KnownValues", "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize" };
    private static readonly string[] UnionMembers = { "Raw", "Value", "ToString", "GetHashCode", "Equals", "GetType", "EqualityContract", "PrintMembers", "MemberwiseClone", "Finalize" };

    private TypeRef BuildObject(IOpenApiSchema schema, string hint, string pointer, int depth, string? componentName)
    {
        var name = componentName ?? InlineName(schema, hint, pointer);
        var builder = new TypeBuilder(TypeKind.Object, name, Describe(schema));
        if (componentName is not null) Register(builder, componentName);

        var index = new Dictionary<string, PropertyDraft>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var allowAdditional = true;
        TypeRef? additional = null;
        Collect(schema, name, pointer, depth, builder.Properties, index, required, ref allowAdditional, ref additional, new HashSet<IOpenApiSchema>());

        var members = new NameTable();
        members.Reserve(name);
        foreach (var reserved in RecordMembers) members.Reserve(reserved);
        if (allowAdditional) members.Reserve("AdditionalProperties");
        foreach (var property in builder.Properties)
        {
            property.Name = members.Claim(Naming.Pascal(property.JsonName, "Property"));
            // "required" entries naming absent properties (a Zoom quirk) simply match nothing.
            property.Required = required.Contains(property.JsonName);
        }
        builder.AdditionalProperties = allowAdditional ? additional ?? TypeRef.Json : null;
        return componentName is not null ? RegisterSignatureOnly(builder) : Register(builder, null);
    }

    private TypeRef RegisterSignatureOnly(TypeBuilder builder)
    {
        var signature = builder.Signature();
        if (!_bySignature.ContainsKey(signature)) _bySignature[signature] = builder;
        return builder.Ref;
    }

    /// <summary>Flattens allOf members (recursively, refs included) and own properties into one ordered list.</summary>
    private void Collect(
        IOpenApiSchema schema, string typeName, string pointer, int depth, List<PropertyDraft> properties,
        Dictionary<string, PropertyDraft> index, HashSet<string> required, ref bool allowAdditional, ref TypeRef? additional,
        HashSet<IOpenApiSchema> visited)
    {
        // Hand-written or mutated specs can leave null holes in lists and maps despite the library's annotations.
        if (depth > MaxDepth || schema is null) return;
        if (schema is OpenApiSchemaReference reference)
        {
            if (reference.Target is null)
            {
                _context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? "$ref");
                return;
            }
            schema = reference.Target;
        }
        if (!visited.Add(schema))
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "A schema that includes itself through allOf", "the repeated member was ignored");
            return;
        }
        if (schema.AllOf is { } allOf)
        {
            for (var i = 0; i < allOf.Count; i++)
            {
                Collect(allOf[i], typeName, pointer + "/allOf/" + i.ToString(CultureInfo.InvariantCulture), depth + 1, properties, index, required, ref allowAdditional, ref additional, visited);
            }
        }
        if (schema.Properties is { } own)
        {
            foreach (var pair in own)
            {
                var (type, nullable) = Resolve(pair.Value, typeName + Naming.Pascal(pair.Key, "Property"), pointer + "/properties/" + Escape(pair.Key), depth + 1, pair.Key);
                if (index.TryGetValue(pair.Key, out var existing))
                {
                    // A later allOf member or the schema itself refines an inherited property: last definition wins.
                    existing.Type = type;
                    existing.Nullable = nullable;
                    existing.Description = Describe(pair.Value) ?? existing.Description;
                    continue;
                }
                var draft = new PropertyDraft(pair.Key, pair.Key, type, nullable, Describe(pair.Value), pair.Value?.Deprecated ?? false);
                index[pair.Key] = draft;
                properties.Add(draft);
            }
        }
        if (schema.Required is { } names) required.UnionWith(names);
        if (!schema.AdditionalPropertiesAllowed) allowAdditional = false;
        if (schema.AdditionalProperties is { } valueSchema)
        {
            var value = Resolve(valueSchema, typeName + "Value", pointer + "/additionalProperties", depth + 1);
            additional = TypeRef.ItemOf(value.Type, value.Nullable);
        }
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "oneOf/anyOf next to properties or allOf", "only the shared properties were generated");
        }
        visited.Remove(schema);
    }

    private TypeRef BuildEnum(IOpenApiSchema schema, TypeKind kind, string hint, string pointer, string? componentName)
        => BuildEnumFromValues(schema.Enum!, schema, kind, hint, pointer, componentName);

    private TypeRef BuildEnumFromValues(IList<JsonNode> values, IOpenApiSchema schema, TypeKind kind, string hint, string pointer, string? componentName, string? title = null)
    {
        var name = componentName ?? (title is null ? InlineName(schema, hint, pointer) : ClaimTypeName(Naming.Pascal(title, hint), null));
        var builder = new TypeBuilder(kind, name, Describe(schema));
        var varNames = ExtensionStrings(schema, "x-enum-varnames") ?? ExtensionStrings(schema, "x-enumNames")
            ?? (kind == TypeKind.IntEnum ? NamesFromDescription(schema.Description, values.Select(v => WireValue(v, kind)).ToList()) : null);
        var descriptions = ExtensionStrings(schema, "x-enum-descriptions");
        var members = new NameTable();
        members.Reserve(name);
        foreach (var reserved in EnumStructMembers) members.Reserve(reserved);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var wire = WireValue(values[i], kind);
            if (wire is null || !seen.Add(wire)) continue;
            var wanted = varNames is not null && i < varNames.Count && !string.IsNullOrWhiteSpace(varNames[i])
                ? Naming.Pascal(varNames[i])
                : kind == TypeKind.IntEnum ? "Value" + wire.Replace("-", "Minus") : Naming.Pascal(wire, "Empty");
            var description = descriptions is not null && i < descriptions.Count ? descriptions[i] : null;
            builder.Members.Add(new EnumMemberSpec(members.Claim(wanted), wire, description));
        }
        if (builder.Members.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "An enum without usable values", "kept as " + (kind == TypeKind.IntEnum ? "an integer enum" : "an open string enum") + " with no known values");
        }
        return componentName is not null ? RegisterComponentLeaf(builder) : Register(builder, null);
    }

    private TypeRef RegisterComponentLeaf(TypeBuilder builder)
    {
        Register(builder, builder.Name);
        return RegisterSignatureOnly(builder);
    }

    private static string? WireValue(JsonNode? node, TypeKind kind)
    {
        if (node is not JsonValue value) return null;
        if (kind == TypeKind.IntEnum) return IntegerText(value);
        if (value.TryGetValue<string>(out var text)) return text;
        // Numbers and booleans in a string enum keep their JSON text.
        return value.ToJsonString();
    }

    private static readonly System.Text.RegularExpressions.Regex NumberedName = new(
        @"`?(-?\d+)`?\s*(?:[-\u2013\u2014:=]\s*)?`?([A-Za-z][A-Za-z]+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Zoom documents integer meanings only in prose ("`1` - Daily", "1 daily, 2 weekly"). Names are taken from the
    /// description only when every value is named there and the names are distinct; otherwise ValueN is used.
    /// </summary>
    private static List<string>? NamesFromDescription(string? description, List<string?> wires)
    {
        if (string.IsNullOrWhiteSpace(description) || wires.Count == 0) return null;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in NumberedName.Matches(description!))
        {
            if (!found.ContainsKey(match.Groups[1].Value)) found[match.Groups[1].Value] = match.Groups[2].Value;
        }
        var names = new List<string>();
        foreach (var wire in wires)
        {
            if (wire is null || !found.TryGetValue(wire, out var name)) return null;
            names.Add(name);
        }
        return names.Select(n => n.ToLowerInvariant()).Distinct().Count() == names.Count ? names : null;
    }

    private static List<string>? ExtensionStrings(IOpenApiSchema schema, string key)
    {
        if (schema.Extensions is not { } extensions || !extensions.TryGetValue(key, out var extension)) return null;
        if (extension is not JsonNodeExtension { Node: JsonArray array }) return null;
        var result = new List<string>();
        foreach (var item in array) result.Add(item is JsonValue v && v.TryGetValue<string>(out var s) ? s : "");
        return result;
    }

    private TypeRef BuildUnion(IOpenApiSchema schema, List<IOpenApiSchema> variants, string hint, string pointer, int depth, string? componentName = null)
    {
        var name = componentName ?? InlineName(schema, hint, pointer);
        var builder = new TypeBuilder(TypeKind.Union, name, Describe(schema));
        if (componentName is not null) Register(builder, componentName);
        builder.Discriminator = schema.Discriminator?.PropertyName;
        var members = new NameTable();
        members.Reserve(name);
        foreach (var reserved in UnionMembers) members.Reserve(reserved);
        var keyword = CompositionKeyword(schema);
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            var (type, _) = Resolve(variant, name + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture), pointer + "/" + keyword + "/" + i.ToString(CultureInfo.InvariantCulture), depth + 1);
            var wanted = type.Kind switch
            {
                TypeRefKind.Named => type.NamedType!,
                TypeRefKind.List => "List",
                TypeRefKind.Map => "Map",
                _ => type.Kind.ToString(),
            };
            var discriminatorValues = new List<string>();
            if (builder.Discriminator is not null && variant is OpenApiSchemaReference reference && reference.Reference?.Id is { } id)
            {
                var mapped = schema.Discriminator!.Mapping?.Where(m => m.Value.Reference?.Id == id).Select(m => m.Key).ToList();
                discriminatorValues.AddRange(mapped is { Count: > 0 } ? mapped : new List<string> { id });
            }
            var target = Find(type);
            var requiredNames = target?.Properties.Where(p => p.Required).Select(p => p.JsonName) ?? Enumerable.Empty<string>();
            var knownNames = target?.Properties.Select(p => p.JsonName) ?? Enumerable.Empty<string>();
            builder.Variants.Add(new VariantSpec(members.Claim(wanted), type, discriminatorValues.ToEquatableArray(), requiredNames.ToEquatableArray(), knownNames.ToEquatableArray()));
        }
        return componentName is not null ? RegisterSignatureOnly(builder) : Register(builder, null);
    }

    private static string? Describe(IOpenApiSchema? schema)
    {
        if (schema is null) return null;
        var text = schema.Description;
        if (string.IsNullOrWhiteSpace(text)) text = schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
