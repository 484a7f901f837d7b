using System.Collections.Generic;
using Microsoft.OpenApi;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Parsing;

internal sealed partial class SchemaBuilder
{
    /// <summary>
    /// <c>oneOf: [array of X, X]</c> or <c>oneOf: [array of X, string]</c> (X a number or enum) is how a spec says "a
    /// list, which the server sometimes sends as one item or as comma-separated text" — Zoom's weekly_days and
    /// monthly_days. A union type would make every caller pick a shape; one list type with a tolerant converter is what
    /// they mean. The first alternative decides what is written, so a spec can ask for CSV on the endpoints that want
    /// it. Returns null when the pair is not of that kind, and the caller builds a union.
    /// </summary>
    private TypeRef? TryBuildTolerantList(IOpenApiSchema schema, List<IOpenApiSchema> variants, string hint, string pointer, int depth)
    {
        // Checked on the raw schemas first, so a pair that is not of this kind never registers types of its own.
        if (!IsListOrItemPair(variants)) return null;
        var arrayIndex = IsArray(variants[0]) ? 0 : 1;
        var other = Target(variants[1 - arrayIndex])!;

        var keyword = CompositionKeyword(schema);
        var (arrayAt, otherAt) = arrayIndex == 0 ? ("/0", "/1") : ("/1", "/0");
        var list = Resolve(variants[arrayIndex], hint, pointer + "/" + keyword + arrayAt, depth + 1).Type;
        if (list.Kind != TypeRefKind.List || list.Element is not { } item || !IsScalar(item)) return null;

        if (IsPlainString(other) && !ReadsAsJsonString(item))
        {
            return TypeRef.ListOf(item, arrayIndex == 0 ? ListWire.ArrayOrCsv : ListWire.CsvOrArray);
        }
        // The bare-item alternative must be the item type itself; anything else really is a union.
        var single = Resolve(variants[1 - arrayIndex], hint, pointer + "/" + keyword + otherAt, depth + 1).Type;
        return single == item ? TypeRef.ListOf(item, ListWire.ArrayOrItem) : null;
    }

    /// <summary>
    /// The raw shape of the pattern: an array of scalars and one scalar alternative. Also used for component schemas,
    /// which then inline as a list (an alias) instead of claiming a union type name.
    /// </summary>
    private static bool IsListOrItemPair(IReadOnlyList<IOpenApiSchema> variants)
    {
        if (variants.Count != 2) return false;
        var arrayIndex = IsArray(variants[0]) ? 0 : IsArray(variants[1]) ? 1 : -1;
        if (arrayIndex < 0 || IsArray(variants[1 - arrayIndex])) return false;
        return IsScalarSchema(Target(variants[1 - arrayIndex])) && IsScalarSchema(Target(Target(variants[arrayIndex])!.Items));
    }

    private static IOpenApiSchema? Target(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference ? reference.Target : schema;

    private static bool IsScalarSchema(IOpenApiSchema? schema)
        => schema is { Type: { } type } && !IsObjectLike(schema) && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }
            && (type & ~JsonSchemaType.Null) is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean;

    private static bool IsArray(IOpenApiSchema? schema)
        => Target(schema) is { Type: { } type } && (type & ~JsonSchemaType.Null) == JsonSchemaType.Array;

    /// <summary>A free-form string: no enum and no format that would give it its own meaning.</summary>
    private static bool IsPlainString(IOpenApiSchema schema)
        => schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.String && schema.Enum is not { Count: > 0 } && schema.Format is null;

    private static bool IsScalar(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean => true,
        TypeRefKind.Named => type.NamedKind is TypeKind.StringEnum or TypeKind.IntEnum,
        _ => false,
    };

    /// <summary>
    /// Items that are themselves strings make "string" ambiguous (one item, or several joined?), so for them the
    /// string alternative is read as one item, never split.
    /// </summary>
    private static bool ReadsAsJsonString(TypeRef item)
        => item.Kind == TypeRefKind.String || (item.Kind == TypeRefKind.Named && item.NamedKind == TypeKind.StringEnum);
}
