using System.Globalization;
using Microsoft.OpenApi;
using Newtonsoft.Json.Linq;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Pacts;

/// <summary>Turns the strings a URL or header carries into typed JSON so parameter schemas can validate them.</summary>
internal static class ParameterValues
{
    public static JToken Coerce(IReadOnlyList<string> values, IOpenApiSchema schema)
    {
        var resolved = OpenApiSpec.Resolve(schema);
        if (resolved.Type is { } type && type.HasFlag(JsonSchemaType.Array))
        {
            // form style: repeated names (?a=1&a=2) or one comma-separated value (?a=1,2) both mean an array.
            var items = values.Count == 1 ? values[0].Split(',') : values.ToArray();
            var itemSchema = resolved.Items;
            return new JArray(items.Select(item => itemSchema is null ? new JValue(item) : Scalar(item, itemSchema)));
        }

        // A repeated scalar is reported by the caller; validate the first value here.
        return Scalar(values.Count > 0 ? values[0] : "", schema);
    }

    private static JToken Scalar(string value, IOpenApiSchema schema)
    {
        var type = OpenApiSpec.Resolve(schema).Type ?? JsonSchemaType.String;
        if (type.HasFlag(JsonSchemaType.Null) && value.Length == 0)
        {
            return JValue.CreateNull();
        }

        if (type.HasFlag(JsonSchemaType.Integer) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }

        if (type.HasFlag(JsonSchemaType.Number) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }

        if (type.HasFlag(JsonSchemaType.Boolean) && bool.TryParse(value, out var boolean) && (value == "true" || value == "false"))
        {
            return new JValue(boolean);
        }

        // Anything that did not parse stays a string, so the schema reports a type mismatch with the original text.
        return new JValue(value);
    }
}

/// <summary>Media-type comparison that ignores parameters (charset) and honours wildcards on the spec side.</summary>
internal static class MediaTypes
{
    public static string Essence(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    public static bool Matches(string declared, string actual)
    {
        var d = Essence(declared).Split('/');
        var a = Essence(actual).Split('/');
        if (d.Length != 2 || a.Length != 2)
        {
            return Essence(declared) == Essence(actual);
        }

        return (d[0] == "*" || d[0] == a[0]) && (d[1] == "*" || d[1] == a[1]);
    }

    /// <summary>The spec's media entry for a content type; exact matches beat wildcards.</summary>
    public static KeyValuePair<string, IOpenApiMediaType>? Find(IDictionary<string, IOpenApiMediaType>? content, string actual)
    {
        if (content is null)
        {
            return null;
        }

        var candidates = content.Where(c => Matches(c.Key, actual)).OrderBy(c => c.Key.Count(ch => ch == '*')).ToList();
        return candidates.Count > 0 ? candidates[0] : null;
    }
}
