using System.Globalization;
using Microsoft.OpenApi;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Diff;

/// <summary>
/// Structural comparison of two schema versions. References to components are not followed (each component is compared
/// once, under <c>/components/schemas</c>, with the directions it is used in), so shared types are reported once.
/// </summary>
internal sealed class SchemaDiff(ChangeSink changes, IReadOnlyDictionary<string, SchemaUsage> componentUsage)
{
    // Formats that change the generated C# type (DateTimeOffset, Guid, long, byte[] ...); others (email, uri) are documentation.
    private static readonly HashSet<string> TypeShapingFormats = new(StringComparer.Ordinal)
    {
        "date-time", "date", "time", "uuid", "int32", "int64", "float", "double", "byte", "binary",
    };

    private const int MaxDepth = 32;

    public void CompareComponents(IDictionary<string, IOpenApiSchema>? oldSchemas, IDictionary<string, IOpenApiSchema>? newSchemas)
    {
        oldSchemas ??= new Dictionary<string, IOpenApiSchema>();
        newSchemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, oldSchema) in oldSchemas)
        {
            var pointer = Pointer.Append("/components/schemas", name);
            if (!newSchemas.TryGetValue(name, out var newSchema))
            {
                changes.Add(true, "schema-removed", pointer, $"Component schema '{name}' was removed (its generated type disappears).");
                continue;
            }

            // Components no operation reaches may still be used by hand-written code: judge them in both directions.
            var usage = componentUsage.TryGetValue(name, out var known) ? known : SchemaUsage.Both;
            CompareInline(oldSchema, newSchema, pointer, usage, 0);
        }

        foreach (var name in newSchemas.Keys.Where(n => !oldSchemas.ContainsKey(n)))
        {
            changes.Add(false, "schema-added", Pointer.Append("/components/schemas", name), $"Component schema '{name}' was added.");
        }
    }

    public void Compare(IOpenApiSchema? oldSchema, IOpenApiSchema? newSchema, string pointer, SchemaUsage usage) =>
        CompareAt(oldSchema, newSchema, pointer, usage, 0);

    private void CompareAt(IOpenApiSchema? oldSchema, IOpenApiSchema? newSchema, string pointer, SchemaUsage usage, int depth)
    {
        if (oldSchema is null || newSchema is null)
        {
            if (oldSchema is not null)
            {
                changes.Add(true, "schema-removed", pointer, "The schema was removed.");
            }
            else if (newSchema is not null)
            {
                changes.Add(false, "schema-added", pointer, "A schema was added where there was none.");
            }

            return;
        }

        var oldRef = RefId(oldSchema);
        var newRef = RefId(newSchema);
        if (oldRef is not null && newRef is not null)
        {
            if (oldRef != newRef)
            {
                changes.Add(true, "type-changed", pointer, $"Now refers to '{newRef}' instead of '{oldRef}'.");
            }

            return; // same component: compared once under /components/schemas
        }

        CompareInline(oldSchema, newSchema, pointer, usage, depth);
    }

    private void CompareInline(IOpenApiSchema oldSchema, IOpenApiSchema newSchema, string pointer, SchemaUsage usage, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var o = OpenApiSpec.Resolve(oldSchema);
        var n = OpenApiSpec.Resolve(newSchema);
        var oldType = EffectiveType(o, 0);
        var newType = EffectiveType(n, 0);
        if (oldType != newType)
        {
            changes.Add(true, "type-changed", pointer, $"Type changed from {TypeText(oldType)} to {TypeText(newType)}.");
            return; // everything below would be noise
        }

        CompareFormat(o, n, pointer);
        CompareNullability(o, n, pointer, usage);
        CompareEnum(o, n, pointer, usage);
        CompareConstraints(o, n, pointer, usage);

        // Moving fields into or out of allOf members reshuffles the schema without changing the object on the wire;
        // compare the merged objects instead of reporting every field as removed and re-added.
        var restructured = AllOfShape(o) != AllOfShape(n) && Flatten(o) is { } flatOld && Flatten(n) is { } flatNew;
        if (restructured)
        {
            changes.Add(false, "allOf-restructured", pointer, $"The allOf composition changed ({AllOfShape(o)} -> {AllOfShape(n)}); compared as merged objects.");
            CompareProperties(Flatten(o)!, Flatten(n)!, pointer, usage, depth);
        }
        else
        {
            CompareProperties(o, n, pointer, usage, depth);
        }
        if (o.Items is not null || n.Items is not null)
        {
            CompareAt(o.Items, n.Items, pointer + "/items", usage, depth + 1);
        }

        if (o.AdditionalProperties is not null && n.AdditionalProperties is not null)
        {
            CompareAt(o.AdditionalProperties, n.AdditionalProperties, pointer + "/additionalProperties", usage, depth + 1);
        }

        if (!restructured)
        {
            CompareComposition(o.AllOf, n.AllOf, pointer + "/allOf", "allOf", usage, depth, variantsAreAlternatives: false);
        }

        CompareComposition(o.OneOf, n.OneOf, pointer + "/oneOf", "oneOf", usage, depth, variantsAreAlternatives: true);
        CompareComposition(o.AnyOf, n.AnyOf, pointer + "/anyOf", "anyOf", usage, depth, variantsAreAlternatives: true);
    }

    private void CompareFormat(IOpenApiSchema o, IOpenApiSchema n, string pointer)
    {
        if (string.Equals(o.Format, n.Format, StringComparison.Ordinal))
        {
            return;
        }

        var shaping = (o.Format is not null && TypeShapingFormats.Contains(o.Format)) || (n.Format is not null && TypeShapingFormats.Contains(n.Format));
        changes.Add(shaping, "format-changed", pointer + "/format", $"Format changed from '{o.Format ?? "none"}' to '{n.Format ?? "none"}'.");
    }

    private void CompareNullability(IOpenApiSchema o, IOpenApiSchema n, string pointer, SchemaUsage usage)
    {
        var wasNullable = OpenApiSpec.IsNullable(o);
        var isNullable = OpenApiSpec.IsNullable(n);
        if (wasNullable == isNullable)
        {
            return;
        }

        // null can now arrive in a response (client not ready) / null can no longer be sent (callers that send it break).
        var breaking = isNullable ? usage.HasFlag(SchemaUsage.Response) : usage.HasFlag(SchemaUsage.Request);
        changes.Add(breaking, isNullable ? "became-nullable" : "became-non-nullable", pointer,
            isNullable ? "The value may now be null." : "The value may no longer be null.");
    }

    private void CompareEnum(IOpenApiSchema o, IOpenApiSchema n, string pointer, SchemaUsage usage)
    {
        var oldValues = EnumValues(o);
        var newValues = EnumValues(n);
        if (oldValues.Count == 0 && newValues.Count == 0)
        {
            return;
        }

        if (oldValues.Count == 0)
        {
            changes.Add(true, "enum-introduced", pointer + "/enum", $"Values are now restricted to [{string.Join(", ", newValues)}] (the generated type changes).");
            return;
        }

        if (newValues.Count == 0)
        {
            changes.Add(true, "enum-dropped", pointer + "/enum", "The value is no longer an enumeration (the generated enum type disappears).");
            return;
        }

        foreach (var removed in oldValues.Where(v => !newValues.Contains(v)))
        {
            changes.Add(true, "enum-value-removed", pointer + "/enum", $"Enum value {removed} was removed (its generated member disappears).");
        }

        foreach (var added in newValues.Where(v => !oldValues.Contains(v)))
        {
            // Generated enums are open (unknown values round-trip), so a new value in a response is tolerated.
            changes.Add(false, "enum-value-added", pointer + "/enum", $"Enum value {added} was added"
                + (usage.HasFlag(SchemaUsage.Response) ? "; clients may now receive it." : "."));
        }
    }

    private void CompareConstraints(IOpenApiSchema o, IOpenApiSchema n, string pointer, SchemaUsage usage)
    {
        // Tighter limits reject values callers used to send; in responses they only narrow what clients receive.
        var request = usage.HasFlag(SchemaUsage.Request);
        Narrowing("maxLength", o.MaxLength, n.MaxLength, lowerIsNarrower: true);
        Narrowing("minLength", o.MinLength, n.MinLength, lowerIsNarrower: false);
        Narrowing("maxItems", o.MaxItems, n.MaxItems, lowerIsNarrower: true);
        Narrowing("minItems", o.MinItems, n.MinItems, lowerIsNarrower: false);
        Narrowing("maximum", Number(o.Maximum), Number(n.Maximum), lowerIsNarrower: true);
        Narrowing("minimum", Number(o.Minimum), Number(n.Minimum), lowerIsNarrower: false);
        if (!string.Equals(o.Pattern, n.Pattern, StringComparison.Ordinal) && n.Pattern is not null)
        {
            changes.Add(request, "pattern-changed", pointer + "/pattern", $"Pattern changed from '{o.Pattern ?? "none"}' to '{n.Pattern}'.");
        }

        void Narrowing(string keyword, decimal? before, decimal? after, bool lowerIsNarrower)
        {
            if (before == after || after is null)
            {
                if (before is not null && after is null)
                {
                    changes.Add(false, "constraint-relaxed", pointer + "/" + keyword, $"{keyword} {SpecDiff.Describe(before)} was removed.");
                }

                return;
            }

            var narrower = before is null || (lowerIsNarrower ? after < before : after > before);
            changes.Add(narrower && request, narrower ? "constraint-narrowed" : "constraint-relaxed", pointer + "/" + keyword,
                $"{keyword} changed from {SpecDiff.Describe(before)} to {SpecDiff.Describe(after)}.");
        }
    }

    private void CompareProperties(IOpenApiSchema o, IOpenApiSchema n, string pointer, SchemaUsage usage, int depth)
    {
        var oldProperties = o.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var newProperties = n.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var oldRequired = o.Required ?? new HashSet<string>();
        var newRequired = n.Required ?? new HashSet<string>();
        foreach (var (name, oldProperty) in oldProperties)
        {
            var propertyPointer = Pointer.Append(pointer + "/properties", name);
            if (!newProperties.TryGetValue(name, out var newProperty))
            {
                changes.Add(true, "property-removed", propertyPointer, $"Property '{name}' was removed.");
                continue;
            }

            var wasRequired = oldRequired.Contains(name);
            var isRequired = newRequired.Contains(name);
            if (!wasRequired && isRequired)
            {
                changes.Add(usage.HasFlag(SchemaUsage.Request), "property-became-required", propertyPointer, $"Property '{name}' is now required.");
            }
            else if (wasRequired && !isRequired)
            {
                // A response field that was always there may now be missing: the response got narrower.
                changes.Add(usage.HasFlag(SchemaUsage.Response), "property-became-optional", propertyPointer, $"Property '{name}' is no longer required.");
            }

            CompareAt(oldProperty, newProperty, propertyPointer, usage, depth + 1);
        }

        foreach (var name in newProperties.Keys.Where(p => !oldProperties.ContainsKey(p)))
        {
            var required = newRequired.Contains(name) && usage.HasFlag(SchemaUsage.Request);
            changes.Add(required, required ? "required-property-added" : "property-added", Pointer.Append(pointer + "/properties", name),
                required ? $"Required property '{name}' was added (existing callers do not send it)." : $"Property '{name}' was added.");
        }
    }

    private void CompareComposition(IList<IOpenApiSchema>? oldMembers, IList<IOpenApiSchema>? newMembers, string pointer, string keyword, SchemaUsage usage, int depth, bool variantsAreAlternatives)
    {
        oldMembers ??= [];
        newMembers ??= [];
        if (oldMembers.Count == 0 && newMembers.Count == 0)
        {
            return;
        }

        var oldRefs = oldMembers.Select(RefId).Where(r => r is not null).ToHashSet();
        var newRefs = newMembers.Select(RefId).Where(r => r is not null).ToHashSet();
        foreach (var removed in oldRefs.Where(r => !newRefs.Contains(r)))
        {
            changes.Add(true, keyword + "-member-removed", pointer, $"'{removed}' is no longer part of {keyword}.");
        }

        foreach (var added in newRefs.Where(r => !oldRefs.Contains(r)))
        {
            // allOf additions add properties (same as adding fields); a new oneOf/anyOf variant in a response is a shape the client cannot read.
            var breaking = variantsAreAlternatives && usage.HasFlag(SchemaUsage.Response);
            changes.Add(breaking, keyword + "-member-added", pointer, $"'{added}' was added to {keyword}.");
        }

        var oldInline = oldMembers.Where(m => RefId(m) is null).ToList();
        var newInline = newMembers.Where(m => RefId(m) is null).ToList();
        for (var i = 0; i < Math.Min(oldInline.Count, newInline.Count); i++)
        {
            CompareInline(oldInline[i], newInline[i], Pointer.Append(pointer, newMembers.IndexOf(newInline[i])), usage, depth + 1);
        }

        if (oldInline.Count != newInline.Count)
        {
            changes.Add(true, keyword + "-changed", pointer, $"The number of inline {keyword} members changed from {oldInline.Count} to {newInline.Count}.");
        }
    }

    /// <summary>
    /// The declared type, or the one implied by the schema's shape, so that spelling out <c>type: object</c> next to
    /// <c>allOf</c> or <c>properties</c> is not mistaken for a type change.
    /// </summary>
    private static JsonSchemaType EffectiveType(IOpenApiSchema schema, int depth)
    {
        var resolved = OpenApiSpec.Resolve(schema);
        var declared = (resolved.Type ?? 0) & ~JsonSchemaType.Null;
        if (declared != 0 || depth > 8)
        {
            return declared;
        }

        if (resolved.Properties is { Count: > 0 } || resolved.AdditionalProperties is not null)
        {
            return JsonSchemaType.Object;
        }

        if (resolved.Items is not null)
        {
            return JsonSchemaType.Array;
        }

        JsonSchemaType implied = 0;
        foreach (var member in (resolved.AllOf ?? []).Concat(resolved.OneOf ?? []).Concat(resolved.AnyOf ?? []))
        {
            implied |= EffectiveType(member, depth + 1);
        }

        return implied;
    }

    /// <summary>Short signature of the allOf members (component names, inline count) to spot restructuring.</summary>
    private static string AllOfShape(IOpenApiSchema schema)
    {
        var members = schema.AllOf ?? [];
        if (members.Count == 0)
        {
            return "no allOf";
        }

        var refs = members.Select(RefId).Where(r => r is not null).Order(StringComparer.Ordinal);
        return "allOf[" + string.Join(", ", refs.Append($"{members.Count(m => RefId(m) is null)} inline")) + "]";
    }

    /// <summary>Merged properties and required names of an object and its allOf members; null when a member is not a plain object.</summary>
    private static OpenApiSchema? Flatten(IOpenApiSchema schema)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        return Collect(schema, 0) ? new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = required } : null;

        bool Collect(IOpenApiSchema member, int depth)
        {
            var resolved = OpenApiSpec.Resolve(member);
            if (depth > 16 || resolved.OneOf is { Count: > 0 } || resolved.AnyOf is { Count: > 0 }
                || ((resolved.Type ?? JsonSchemaType.Object) & ~JsonSchemaType.Null) != JsonSchemaType.Object)
            {
                return false;
            }

            foreach (var (name, property) in resolved.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                properties[name] = property;
            }

            required.UnionWith(resolved.Required ?? new HashSet<string>());
            return (resolved.AllOf ?? []).All(child => Collect(child, depth + 1));
        }
    }

    private static string? RefId(IOpenApiSchema schema) => schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;

    private static List<string> EnumValues(IOpenApiSchema schema) =>
        (schema.Enum ?? []).Where(v => v is not null).Select(v => v!.ToJsonString()).ToList();

    private static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string TypeText(JsonSchemaType type) => type == 0 ? "(any)" : type.ToString().ToLowerInvariant().Replace(", ", "|", StringComparison.Ordinal);
}
