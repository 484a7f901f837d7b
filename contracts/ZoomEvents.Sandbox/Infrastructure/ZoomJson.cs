using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>Writing helpers: Zoom's date format and JSON responses built from <see cref="JsonNode"/> (no reflection).</summary>
internal static class ZoomJson
{
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static IResult Ok(JsonNode body) => Write(body, StatusCodes.Status200OK);

    public static IResult Created(JsonNode body) => Write(body, StatusCodes.Status201Created);

    // Relaxed escaping keeps messages readable ("can't", "&") while still producing valid JSON.
    public static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Write(JsonNode body, int status) =>
        Results.Content(body.ToJsonString(WriteOptions), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Array(IEnumerable<JsonNode> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    // Optional members are left out rather than written as null, as Zoom does.
    public static void SetIfNotNull(this JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    public static void SetIfNotNull(this JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    public static void SetIfNotNull(this JsonObject target, string name, bool? value)
    {
        if (value is not null)
        {
            target[name] = value.Value;
        }
    }
}
