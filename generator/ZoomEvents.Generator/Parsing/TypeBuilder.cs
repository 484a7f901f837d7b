using System.Collections.Generic;
using System.Linq;
using System.Text;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Parsing;

/// <summary>
/// Mutable draft of a generated type while the document is walked. Drafts never leave the parser: <see cref="ToSpec"/>
/// freezes them into equatable <see cref="TypeSpec"/>s once we know which types travel in request bodies.
/// </summary>
internal sealed class TypeBuilder
{
    public TypeBuilder(TypeKind kind, string name, string? description)
    {
        Kind = kind;
        Name = name;
        Description = description;
    }

    public TypeKind Kind { get; }
    public string Name { get; }
    public string? Description { get; }
    public List<PropertyDraft> Properties { get; } = new();
    public List<EnumMemberSpec> Members { get; } = new();
    public List<VariantSpec> Variants { get; } = new();
    public string? Discriminator { get; set; }
    public TypeRef? AdditionalProperties { get; set; }

    /// <summary>Reachable from a request body: required properties become C# <c>required</c>.</summary>
    public bool IsRequestType { get; set; }

    public TypeRef Ref => TypeRef.Named(Name, Kind);

    /// <summary>Structure without names or docs: equal signatures mean the same C# type can serve both schemas.</summary>
    public string Signature()
    {
        var sb = new StringBuilder();
        sb.Append(Kind).Append('|');
        foreach (var p in Properties) sb.Append(p.JsonName).Append(':').Append(Sig(p.Type)).Append(p.Required ? "!" : "").Append(p.Nullable ? "?" : "").Append('\u0001');
        foreach (var m in Members) sb.Append(m.Name).Append('=').Append(m.Value).Append('\u0001');
        foreach (var v in Variants) sb.Append(Sig(v.Type)).Append('\u0001');
        sb.Append("|d:").Append(Discriminator).Append("|ap:").Append(AdditionalProperties is null ? "-" : Sig(AdditionalProperties));
        return sb.ToString();
    }

    public static string Sig(TypeRef t) => t.Kind switch
    {
        TypeRefKind.Named => "N:" + t.NamedType,
        TypeRefKind.List => "L" + (t.Wire == ListWire.Array ? "" : t.Wire.ToString()) + "<" + Sig(t.Element!) + ">",
        TypeRefKind.Map => "M<" + Sig(t.Element!) + ">",
        TypeRefKind.Nullable => "?<" + Sig(t.Element!) + ">",
        _ => t.Kind.ToString(),
    };

    public TypeSpec ToSpec() => new(
        Kind,
        Name,
        Description,
        Properties.Select(p => new PropertySpec(p.JsonName, p.Name, p.Type, p.Required && IsRequestType, p.Nullable, p.Description, p.Deprecated)).ToEquatableArray(),
        Members.ToEquatableArray(),
        Variants.ToEquatableArray(),
        Discriminator,
        AdditionalProperties);
}

/// <summary>A property before request/response usage is known.</summary>
internal sealed class PropertyDraft
{
    public PropertyDraft(string jsonName, string name, TypeRef type, bool nullable, string? description, bool deprecated)
    {
        JsonName = jsonName;
        Name = name;
        Type = type;
        Nullable = nullable;
        Description = description;
        Deprecated = deprecated;
    }

    public string JsonName { get; }
    public string Name { get; set; }
    public TypeRef Type { get; set; }
    public bool Nullable { get; set; }
    public bool Required { get; set; }
    public string? Description { get; set; }
    public bool Deprecated { get; set; }
}
