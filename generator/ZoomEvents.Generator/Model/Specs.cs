using System;

namespace ZoomEvents.Generator.Model;

// The equatable spec model between the parser and the emitter.
// Cacheability contract: every member is a string, number, bool, enum, another spec record or an EquatableArray of
// those; never a Roslyn symbol, AdditionalText, SourceText or a Microsoft.OpenApi object. Record equality then lets
// Roslyn skip emission whenever a re-parse produces the same model (e.g. a whitespace-only edit of the spec).

/// <summary>What a generated type is.</summary>
internal enum TypeKind
{
    Object,
    StringEnum,
    IntEnum,
    Union,
}

/// <summary>The C# shape a schema maps to.</summary>
internal enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    DateTimeOffset,
    Json,
    Named,
    List,
    Map,
    /// <summary><c>T?</c> around a value type; only as a list item or map value (a property's own nullability is separate).</summary>
    Nullable,
}

/// <summary>
/// How a list travels. Zoom sends some lists in more than one shape (weekly_days as [2,6] on create but "2,6" when
/// read; monthly_days as [1] or 1), which a spec writes as <c>oneOf: [array, scalar]</c>. Those become one plain list
/// whose converter reads every shape; it writes the shape of the spec's first alternative.
/// </summary>
internal enum ListWire
{
    /// <summary>A JSON array, nothing else.</summary>
    Array,
    /// <summary>Reads an array or one bare item; writes an array.</summary>
    ArrayOrItem,
    /// <summary>Reads an array, one bare item or a comma-separated string; writes an array.</summary>
    ArrayOrCsv,
    /// <summary>Reads an array, one bare item or a comma-separated string; writes the comma-separated string.</summary>
    CsvOrArray,
}

/// <summary>
/// A reference to a C# type. <see cref="NamedType"/> is the bare identifier of a generated type (the emitter adds
/// the namespace); <see cref="Element"/> is the item type of lists and maps; <see cref="Wire"/> the shapes a list accepts.
/// </summary>
internal sealed record TypeRef(TypeRefKind Kind, string? NamedType = null, TypeKind NamedKind = TypeKind.Object, TypeRef? Element = null, ListWire Wire = ListWire.Array)
{
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Int32 = new(TypeRefKind.Int32);
    public static readonly TypeRef Int64 = new(TypeRefKind.Int64);
    public static readonly TypeRef Double = new(TypeRefKind.Double);
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);
    public static readonly TypeRef DateTimeOffset = new(TypeRefKind.DateTimeOffset);
    public static readonly TypeRef Json = new(TypeRefKind.Json);

    public static TypeRef Named(string name, TypeKind kind) => new(TypeRefKind.Named, name, kind);

    public static TypeRef ListOf(TypeRef element, ListWire wire = ListWire.Array) => new(TypeRefKind.List, Element: element, Wire: wire);

    public static TypeRef MapOf(TypeRef element) => new(TypeRefKind.Map, Element: element);

    /// <summary>
    /// The type for a list item or map value the schema lets be null. Value types become <c>T?</c> (else [1,null]
    /// would read as [1,0]); reference types and JsonElement already hold a null.
    /// </summary>
    public static TypeRef ItemOf(TypeRef type, bool nullable)
        => nullable && type.IsValueType && type.Kind != TypeRefKind.Json ? new(TypeRefKind.Nullable, Element: type) : type;

    /// <summary>True when the C# type is a struct or enum, so "optional" needs <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind switch
    {
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean
            or TypeRefKind.DateTimeOffset or TypeRefKind.Json or TypeRefKind.Nullable => true,
        TypeRefKind.Named => NamedKind is TypeKind.StringEnum or TypeKind.IntEnum,
        _ => false,
    };
}

/// <summary>A property of a generated record.</summary>
/// <param name="IsRequired">Emit <c>required</c> and a non-nullable type (unless <paramref name="IsNullable"/>).</param>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    bool IsDeprecated);

/// <summary>A known value of an enum: C# member name and wire value (the string, or the integer's text).</summary>
internal sealed record EnumMemberSpec(string Name, string Value, string? Description);

/// <summary>One alternative of a oneOf/anyOf union.</summary>
/// <param name="RequiredJsonNames">Members a JSON object must have to match this variant when no discriminator decides.</param>
/// <param name="KnownJsonNames">Members of the variant; an object matches best when most of its members are known.</param>
internal sealed record VariantSpec(
    string Name,
    TypeRef Type,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> RequiredJsonNames,
    EquatableArray<string> KnownJsonNames);

/// <summary>A generated type: record, open string enum, integer enum or union.</summary>
/// <param name="AdditionalProperties">Type of unknown members when the schema allows them; null when it forbids them.</param>
internal sealed record TypeSpec(
    TypeKind Kind,
    string Name,
    string? Description,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumMemberSpec> Members,
    EquatableArray<VariantSpec> Variants,
    string? DiscriminatorJsonName,
    TypeRef? AdditionalProperties);

internal enum ParameterKind
{
    Path,
    Query,
    Header,
}

internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterKind In,
    TypeRef Type,
    bool IsRequired,
    string? Description);

/// <summary>How to walk pages of an operation that takes and returns <c>next_page_token</c>.</summary>
/// <param name="MethodName">Name of the <c>…AllAsync</c> method that yields every item of every page.</param>
internal sealed record PagingSpec(string MethodName, TypeRef ItemType, string ItemsProperty, string NextPageTokenProperty, string TokenParameter);

/// <param name="ResponseOptional">Another documented 2xx has no body: the method returns null when the body is empty.</param>
/// <param name="RawBody">The body is not JSON (e.g. multipart): the method takes an <c>HttpContent</c> the caller builds.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    EquatableArray<ParameterSpec> Parameters,
    TypeRef? Body,
    bool BodyRequired,
    bool RawBody,
    TypeRef? Response,
    bool ResponseOptional,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    PagingSpec? Paging);

/// <summary>Operations of one tag, exposed as one property of the root client.</summary>
internal sealed record ClientGroupSpec(
    string Tag,
    string PropertyName,
    string ClassName,
    string? Description,
    EquatableArray<OperationSpec> Operations);

/// <summary>Per-spec settings every emitted file needs.</summary>
internal sealed record GenerationContext(string SpecStem, string Namespace, string ClientName, bool IsPublic, string? Title);

internal sealed record ApiSpec(GenerationContext Context, EquatableArray<TypeSpec> Types, EquatableArray<ClientGroupSpec> Groups);
