using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZoomEvents.Pact;

/// <summary>
/// A matching rule plus its example value. Serialises to the engine's "integration JSON"
/// (<c>{"pact:matcher:type": …, "value": example, …}</c>), so it can sit anywhere inside a body object — an anonymous
/// object, a record, a <see cref="JsonNode"/> — and in paths, query values and header values. Create with <see cref="Match"/>.
/// </summary>
[JsonConverter(typeof(MatcherJsonConverter))]
public sealed class Matcher
{
    private readonly IReadOnlyList<KeyValuePair<string, JsonNode?>> _attributes;

    internal Matcher(string type, object? example, bool hasExample, IReadOnlyList<KeyValuePair<string, JsonNode?>> attributes, int repeat = 0)
    {
        Type = type;
        Example = example;
        HasExample = hasExample;
        _attributes = attributes;
        _repeat = repeat;
    }

    // > 0: the value is an array of this many copies of Example (EachLike). Only the first copy carries nested matchers —
    // the engine applies element 0's rules to [*], and rules in the other copies would be recorded again as duplicates.
    private readonly int _repeat;

    /// <summary>The engine's matcher id (<c>type</c>, <c>regex</c>, <c>datetime</c>, …).</summary>
    public string Type { get; }

    /// <summary>The example the consumer test sends or receives (may itself contain matchers).</summary>
    public object? Example { get; }

    internal bool HasExample { get; }

    /// <summary>The integration JSON, serialising examples with <paramref name="options"/> (null = toolkit defaults).</summary>
    public JsonNode ToJsonNode(JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToNode(this, options ?? PactJson.DefaultOptions)!;

    /// <summary>Integration JSON text, as passed to the engine for paths, query values and header values.</summary>
    public string ToJson(JsonSerializerOptions? options = null) => JsonSerializer.Serialize(this, options ?? PactJson.DefaultOptions);

    /// <summary>Lets a matcher be assigned straight into a <see cref="JsonObject"/> or <see cref="JsonArray"/>.</summary>
    public static implicit operator JsonNode(Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return matcher.ToJsonNode();
    }

    /// <summary>The integration JSON; handy in assertion messages.</summary>
    public override string ToString() => ToJson();

    internal void Write(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("pact:matcher:type", Type);
        foreach (var (name, value) in _attributes)
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer, options);
            }
        }
        if (HasExample)
        {
            writer.WritePropertyName("value");
            if (_repeat > 0)
            {
                var first = JsonSerializer.SerializeToNode(Example, Example?.GetType() ?? typeof(object), options);
                var plain = StripMatchers(first);
                writer.WriteStartArray();
                WriteNode(writer, first, options);
                for (var i = 1; i < _repeat; i++)
                {
                    WriteNode(writer, plain, options);
                }
                writer.WriteEndArray();
            }
            else
            {
                JsonSerializer.Serialize(writer, Example, Example?.GetType() ?? typeof(object), options);
            }
        }
        writer.WriteEndObject();
    }
    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, JsonSerializerOptions options)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer, options);
        }
    }

    /// <summary>The example with every integration-JSON matcher replaced by its plain example value.</summary>
    internal static JsonNode? StripMatchers(JsonNode? node) => node switch
    {
        // Only Match.Null writes no example, and null is its plain value. Keeping such a matcher whole would record its rule
        // once per EachLike copy instead of once for [*].
        JsonObject o when o.ContainsKey("pact:matcher:type") => o.TryGetPropertyValue("value", out var example) ? StripMatchers(example) : null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, StripMatchers(p.Value)))),
        JsonArray a => new JsonArray(a.Select(StripMatchers).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}

internal sealed class MatcherJsonConverter : JsonConverter<Matcher>
{
    public override Matcher Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Matchers are write-only: they describe what a pact expects, they are never read back.");

    public override void Write(Utf8JsonWriter writer, Matcher value, JsonSerializerOptions options) => value.Write(writer, options);
}

/// <summary>Serializer settings for bodies and matcher examples when <see cref="PactConfig.JsonOptions"/> is not set.</summary>
public static class PactJson
{
    /// <summary>Property names are written exactly as declared (use wire names in anonymous objects), nulls are kept.</summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            // Reflection is fine here: test bodies are anonymous objects, records or JsonNodes.
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
