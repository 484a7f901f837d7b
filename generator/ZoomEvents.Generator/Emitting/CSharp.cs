using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Emitting;

/// <summary>
/// Turns spec values into C# text: fully qualified type names, escaped literals and XML doc lines. Every string from
/// the spec that reaches generated code passes through <see cref="Literal"/> or <see cref="DocLines"/>.
/// </summary>
internal static class CSharp
{
    public const string Json = "global::System.Text.Json";
    public const string Runtime = "global::ZoomEvents.Runtime";
    public const string Wire = "global::ZoomEvents.Runtime.Serialization.ZoomWire";
    public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>A C# string literal; anything outside printable ASCII becomes a \u escape, so no text can end the literal or the line.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>
    /// XML-doc lines (without the <c>///</c> prefix) for a summary. Escapes markup and splits on every character C#
    /// treats as a line break (including U+2028/U+2029/U+0085), so a description can never escape the comment.
    /// </summary>
    public static List<string> DocLines(string? text)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return lines;
        var current = new StringBuilder();
        foreach (var c in text!)
        {
            switch (c)
            {
                case '\r': continue;
                case '\n': case '\u2028': case '\u2029': case '\u0085':
                    lines.Add(current.ToString().TrimEnd());
                    current.Clear();
                    continue;
                case '&': current.Append("&amp;"); continue;
                case '<': current.Append("&lt;"); continue;
                case '>': current.Append("&gt;"); continue;
                default:
                    if (char.IsControl(c)) current.Append(' ');
                    else current.Append(c);
                    continue;
            }
        }
        lines.Add(current.ToString().TrimEnd());
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        return lines;
    }

    /// <summary>Fully qualified C# type for a reference, without nullability.</summary>
    public static string Type(TypeRef type, string ns) => type.Kind switch
    {
        TypeRefKind.String => "global::System.String",
        TypeRefKind.Int32 => "global::System.Int32",
        TypeRefKind.Int64 => "global::System.Int64",
        TypeRefKind.Double => "global::System.Double",
        TypeRefKind.Boolean => "global::System.Boolean",
        TypeRefKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeRefKind.Json => Json + ".JsonElement",
        TypeRefKind.Named => "global::" + ns + "." + type.NamedType,
        TypeRefKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Type(type.Element!, ns) + ">",
        TypeRefKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<global::System.String, " + Type(type.Element!, ns) + ">",
        TypeRefKind.Nullable => Type(type.Element!, ns) + "?",
        _ => "object",
    };

    public static string NullableType(TypeRef type, string ns) => Type(type, ns) + "?";

    /// <summary>An expression of type <c>JsonConverter&lt;T&gt;</c> for the type (generated converters, or the wire helpers).</summary>
    public static string Converter(TypeRef type, string ns, string wireClass) => type.Kind switch
    {
        TypeRefKind.Named => "global::" + ns + "." + type.NamedType + "JsonConverter.Instance",
        TypeRefKind.List when type.Wire == ListWire.Array => "global::" + ns + "." + wireClass + ".ListOf(" + Converter(type.Element!, ns, wireClass) + ")",
        TypeRefKind.List => "global::" + ns + "." + wireClass + ".TolerantListOf(" + Converter(type.Element!, ns, wireClass)
            + (type.Wire == ListWire.ArrayOrItem ? ", false" : ", true") + (type.Wire == ListWire.CsvOrArray ? ", true)" : ", false)"),
        TypeRefKind.Map => "global::" + ns + "." + wireClass + ".MapOf(" + Converter(type.Element!, ns, wireClass) + ")",
        TypeRefKind.Nullable => "global::" + ns + "." + wireClass + ".NullableOf(" + Converter(type.Element!, ns, wireClass) + ")",
        _ => "global::" + ns + "." + wireClass + "." + type.Kind,
    };

    /// <summary>Text form of a parameter value for paths, queries and headers.</summary>
    public static string Format(TypeRef type, string expression) => type.Kind switch
    {
        TypeRefKind.String => expression,
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double => expression + ".ToString(" + Invariant + ")",
        TypeRefKind.Boolean => "(" + expression + " ? \"true\" : \"false\")",
        TypeRefKind.DateTimeOffset => Wire + ".FormatDateTime(" + expression + ")",
        TypeRefKind.Json => expression + ".GetRawText()",
        TypeRefKind.Named when type.NamedKind == TypeKind.StringEnum => expression + ".Value",
        TypeRefKind.Named when type.NamedKind == TypeKind.IntEnum => "((global::System.Int64)" + expression + ").ToString(" + Invariant + ")",
        // Lists outside a query (path, header) travel comma-separated, the OpenAPI "simple" style.
        // Each item is formatted like a single value (wire numbers for int enums, invariant culture), not ToString().
        TypeRefKind.List => "global::System.String.Join(\",\", global::System.Linq.Enumerable.Select(" + expression + ", __x => " + Format(type.Element!, "__x") + "))",
        _ => "(" + expression + ".ToString() ?? \"\")",
    };
}
