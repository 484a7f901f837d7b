using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Pacts;

/// <summary>A request or response body as recorded in a pact (example values; matching rules are not needed for schema checks).</summary>
/// <param name="Json">Parsed JSON when the body is JSON, otherwise null.</param>
/// <param name="ContentType">Declared content type (body attribute or Content-Type header), if any.</param>
/// <param name="Raw">Text form of the body, for non-JSON content and messages.</param>
public sealed record PactBody(JsonNode? Json, string? ContentType, string Raw)
{
    public bool IsJson => Json is not null || (ContentType is { } ct && PactFile.IsJsonMediaType(ct));
}

/// <summary>One HTTP interaction, normalised across pact specification versions 2, 3 and 4.</summary>
public sealed record PactInteraction(
    int Index,
    string Description,
    string Method,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RequestHeaders,
    PactBody? RequestBody,
    int Status,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ResponseHeaders,
    PactBody? ResponseBody)
{
    public override string ToString() => $"#{Index} '{Description}' {Method} {Path} -> {Status}";
}

/// <summary>A pact file reduced to what the OpenAPI comparison needs.</summary>
public sealed record PactFile(string Source, string Consumer, string Provider, string SpecificationVersion, IReadOnlyList<PactInteraction> Interactions)
{
    public static bool IsJsonMediaType(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    public static PactFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConformanceLoadException($"Cannot read pact '{path}': {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static PactFile Parse(string json, string source = "(inline pact)")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new ConformanceLoadException($"Pact '{source}' is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ConformanceLoadException($"Pact '{source}' is not valid JSON: {ex.Message}", ex);
        }

        try
        {
            return FromRoot(root, source);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // Valid JSON of the wrong shape (a number where a name belongs, a repeated member, bad base64): a load
            // error (exit 2) rather than an unhandled exception that the CLI would report as exit 1, "findings".
            throw new ConformanceLoadException($"Pact '{source}' is not shaped like a pact: {ex.Message}", ex);
        }
    }

    private static PactFile FromRoot(JsonObject root, string source)
    {
        var version = root["metadata"]?["pactSpecification"]?["version"]?.GetValue<string>()
            ?? root["metadata"]?["pact-specification"]?["version"]?.GetValue<string>()
            ?? "2.0.0";
        var consumer = root["consumer"]?["name"]?.GetValue<string>() ?? "(unnamed consumer)";
        var provider = root["provider"]?["name"]?.GetValue<string>() ?? "(unnamed provider)";
        if (root["interactions"] is not JsonArray interactions)
        {
            // A message-only V3 pact has "messages" instead; nothing HTTP to compare.
            if (root["messages"] is JsonArray)
            {
                return new PactFile(source, consumer, provider, version, []);
            }

            throw new ConformanceLoadException($"Pact '{source}' has no 'interactions' array.");
        }

        var parsed = new List<PactInteraction>();
        for (var i = 0; i < interactions.Count; i++)
        {
            if (interactions[i] is not JsonObject interaction)
            {
                throw new ConformanceLoadException($"Pact '{source}': interactions[{i}] is not an object.");
            }

            // V4 files may mix HTTP interactions with message interactions; only HTTP ones have an OpenAPI counterpart.
            var type = interaction["type"]?.GetValue<string>();
            if (type is not null && !type.Equals("Synchronous/HTTP", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            parsed.Add(ParseInteraction(interaction, i, source));
        }

        return new PactFile(source, consumer, provider, version, parsed);
    }

    private static PactInteraction ParseInteraction(JsonObject interaction, int index, string source)
    {
        var description = interaction["description"]?.GetValue<string>() ?? $"interaction {index}";
        var where = $"Pact '{source}', interaction {index} ('{description}')";
        var request = interaction["request"] as JsonObject ?? throw new ConformanceLoadException($"{where} has no request.");
        var response = interaction["response"] as JsonObject ?? throw new ConformanceLoadException($"{where} has no response.");
        var method = request["method"]?.GetValue<string>()?.ToUpperInvariant() ?? throw new ConformanceLoadException($"{where} has no request method.");
        var path = request["path"]?.GetValue<string>() ?? throw new ConformanceLoadException($"{where} has no request path.");
        var status = response["status"] is JsonValue statusValue && statusValue.TryGetValue(out int code) ? code : 200;
        var requestHeaders = ReadMultiMap(request["headers"]);
        var query = ReadQuery(request["query"]);
        if (query.Count == 0 && path.IndexOf('?') is var mark and >= 0)
        {
            // Some writers keep the query string inside the path.
            query = ReadQuery(JsonValue.Create(path[(mark + 1)..]));
            path = path[..mark];
        }

        var responseHeaders = ReadMultiMap(response["headers"]);
        return new PactInteraction(
            index,
            description,
            method,
            path,
            query,
            requestHeaders,
            ReadBody(request, requestHeaders),
            status,
            responseHeaders,
            ReadBody(response, responseHeaders));
    }

    /// <summary>V2 stores the query as a raw string; V3/V4 as name → list of values.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadQuery(JsonNode? query)
    {
        if (query is JsonValue raw && raw.TryGetValue(out string? text))
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
                var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
                if (!result.TryGetValue(name, out var values))
                {
                    result[name] = values = [];
                }

                values.Add(value);
            }

            return result.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
        }

        return ReadMultiMap(query, StringComparer.Ordinal);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadMultiMap(JsonNode? node, StringComparer? comparer = null)
    {
        // Header names are case-insensitive; query names are not.
        var result = new Dictionary<string, IReadOnlyList<string>>(comparer ?? StringComparer.OrdinalIgnoreCase);
        if (node is not JsonObject map)
        {
            return result;
        }

        foreach (var (name, value) in map)
        {
            result[name] = value switch
            {
                JsonArray array => array.Select(v => v is JsonValue s && s.TryGetValue(out string? t) ? t : v?.ToJsonString() ?? "").ToList(),
                JsonValue single when single.TryGetValue(out string? s) => [s],
                null => [""],
                _ => [value.ToJsonString()],
            };
        }

        return result;
    }

    private static PactBody? ReadBody(JsonObject part, IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        if (!part.TryGetPropertyValue("body", out var body))
        {
            return null;
        }

        var headerType = headers.TryGetValue("Content-Type", out var types) ? types.FirstOrDefault() : null;

        // V4 wraps the body: {content, contentType, encoded}. V2/V3 store the JSON (or text) directly.
        if (body is JsonObject wrapper && wrapper.ContainsKey("content") && (wrapper.ContainsKey("contentType") || wrapper.ContainsKey("encoded")))
        {
            var contentType = wrapper["contentType"]?.GetValue<string>() ?? headerType;
            var content = wrapper["content"];
            var encoded = wrapper["encoded"];
            var encoding = encoded is JsonValue e && e.TryGetValue(out string? name) ? name : null;
            if (encoding is not null && content is JsonValue encodedValue && encodedValue.TryGetValue(out string? encodedText))
            {
                var text = encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.UTF8.GetString(System.Convert.FromBase64String(encodedText))
                    : encodedText;
                return FromText(text, contentType);
            }

            return FromNode(content, contentType);
        }

        return FromNode(body, headerType);
    }

    private static PactBody? FromNode(JsonNode? content, string? contentType)
    {
        if (content is null)
        {
            return null;
        }

        var isJson = contentType is null || IsJsonMediaType(contentType);
        if (content is JsonValue value && value.TryGetValue(out string? text) && !isJson)
        {
            return new PactBody(null, contentType, text);
        }

        return new PactBody(isJson ? content.DeepClone() : null, contentType ?? "application/json", content.ToJsonString());
    }

    private static PactBody FromText(string text, string? contentType)
    {
        if (contentType is not null && IsJsonMediaType(contentType))
        {
            try
            {
                return new PactBody(JsonNode.Parse(text), contentType, text);
            }
            catch (JsonException)
            {
                // Declared JSON but not parseable: keep the raw text; the checker reports it as incompatible.
            }
        }

        return new PactBody(null, contentType, text);
    }

    /// <summary>Finds pact files: the file itself, or every *.json below a directory (sorted for stable output).</summary>
    public static IReadOnlyList<string> Discover(string fileOrDirectory)
    {
        if (File.Exists(fileOrDirectory))
        {
            return [Path.GetFullPath(fileOrDirectory)];
        }

        if (Directory.Exists(fileOrDirectory))
        {
            return Directory.EnumerateFiles(fileOrDirectory, "*.json", SearchOption.AllDirectories)
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        throw new ConformanceLoadException($"Pact path '{fileOrDirectory}' is neither a file nor a directory.");
    }
}
