using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ZoomEvents.Runtime.Serialization;

/// <summary>
/// JSON request/response bodies without reflection: every call takes the (generated) converter for the
/// type, so the runtime stays trim- and AOT-safe.
/// </summary>
public static class ZoomJsonContent
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Base options passed to converters. Read-only and resolver-free (an empty combined resolver) so nothing
    /// ever falls back to reflection; generated code that needs type info creates
    /// <c>new JsonSerializerOptions(ZoomJsonContent.Options) { TypeInfoResolver = … }</c>.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Serializes <paramref name="value"/> with <paramref name="converter"/> into a buffered
    /// <c>application/json</c> content. Buffered on purpose: retries and the 401 refresh re-send the same request.
    /// </summary>
    public static HttpContent Create<T>(T value, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false }))
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                converter.Write(writer, value, Options);
            }
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <summary>
    /// Reads the response body with <paramref name="converter"/>.
    /// </summary>
    /// <exception cref="JsonException">The body is empty or not valid for <typeparamref name="T"/>; the message names the type and position.</exception>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonConverter<T> converter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(converter);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Deserialize(bytes, converter);
    }

    /// <summary>Reads one JSON value from <paramref name="utf8Json"/> with <paramref name="converter"/>.</summary>
    /// <exception cref="JsonException">The input is empty, malformed, has trailing data or does not fit <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        if (utf8Json.IsEmpty)
        {
            throw new JsonException($"Expected a JSON {typeof(T).Name} in the Zoom response, but the body was empty.");
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                throw new JsonException($"Expected a JSON {typeof(T).Name} in the Zoom response, but the body was empty.");
            }

            var result = converter.Read(ref reader, typeof(T), Options);
            if (reader.Read())
            {
                throw new JsonException($"Unexpected data after the JSON {typeof(T).Name} at byte {reader.TokenStartIndex}.");
            }

            return result!;
        }
        catch (InvalidOperationException ex)
        {
            // Converters calling GetString() on a number etc. throw InvalidOperationException; give it a position.
            throw new JsonException($"Invalid JSON for {typeof(T).Name} near byte {reader.TokenStartIndex}: {ex.Message}", ex);
        }
    }

    /// <summary>Serializes <paramref name="value"/> to a UTF-8 JSON string (tests, logging of request shapes, fixtures).</summary>
    public static string Serialize<T>(T value, JsonConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                converter.Write(writer, value, Options);
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            // An empty resolver: asking for metadata of any type fails loudly instead of using reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(),
        };
        options.MakeReadOnly();
        return options;
    }
}
