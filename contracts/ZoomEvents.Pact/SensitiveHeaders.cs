using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoomEvents.Pact;

/// <summary>
/// Keeps credentials out of everything the consumer side hands back: exception messages, <see cref="PactMismatchException.RawJson"/>
/// and the mock server log written to the test output. Even fake tokens from a consumer test must not be written into
/// logs, and a test pointed at real credentials must not leak them.
/// </summary>
internal static partial class SensitiveHeaders
{
    internal const string Redacted = "[redacted]";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
    };

    public static bool IsSensitive(string? headerName) => headerName is not null && Names.Contains(headerName);

    /// <summary>
    /// The engine's mismatch JSON with the values of credential headers replaced: in header mismatches (expected, actual
    /// and the engine's message, which quotes both) and in the headers of requests it did not expect. Text that is not
    /// JSON gets the pattern-based scrub of <see cref="RedactText"/>.
    /// </summary>
    public static string? RedactMismatchJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return json;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return RedactText(json, []);
        }

        Redact(root);
        return root?.ToJsonString() ?? json;
    }

    /// <summary>Every credential value the mismatch JSON mentions, so the same values can be removed from free text (logs).</summary>
    public static IReadOnlyCollection<string> CollectValues(string? json)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        try
        {
            Collect(JsonNode.Parse(json), values);
        }
        catch (JsonException)
        {
            // Nothing structured to collect; RedactText's patterns still apply.
        }

        return values;
    }

    /// <summary>Removes <paramref name="knownValues"/> and anything shaped like a credential (scheme tokens, header lines).</summary>
    public static string? RedactText(string? text, IReadOnlyCollection<string> knownValues)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Longest first, so a full "Bearer x" goes before its bare token "x".
        foreach (var value in knownValues.Where(v => v.Length >= 4).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Redacted, StringComparison.Ordinal);
        }

        text = SchemeToken().Replace(text, m => m.Groups["scheme"].Value + " " + Redacted);
        text = QuotedHeaderValue().Replace(text, m => m.Groups["head"].Value + Redacted + "\"");
        return HeaderLine().Replace(text, m => m.Groups["head"].Value + Redacted);
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsCredentialHeaderMismatch(obj, out var header))
                {
                    obj["expected"] = Redacted;
                    obj["actual"] = Redacted;
                    obj["mismatch"] = $"Mismatch with header '{header}' (values redacted)";
                }

                if (obj["headers"] is JsonObject headers)
                {
                    foreach (var (name, value) in headers.ToList())
                    {
                        if (IsSensitive(name))
                        {
                            headers[name] = value is JsonArray many ? new JsonArray(many.Select(_ => (JsonNode?)Redacted).ToArray()) : Redacted;
                        }
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Redact(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Redact(child);
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, HashSet<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsCredentialHeaderMismatch(obj, out _))
                {
                    AddValue(obj["expected"], values);
                    AddValue(obj["actual"], values);
                }

                if (obj["headers"] is JsonObject headers)
                {
                    foreach (var (name, value) in headers.Where(h => IsSensitive(h.Key)))
                    {
                        AddValue(value, values);
                    }
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, values);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, values);
                }

                break;
        }
    }

    private static void AddValue(JsonNode? node, HashSet<string> values)
    {
        if (node is JsonArray many)
        {
            foreach (var item in many)
            {
                AddValue(item, values);
            }

            return;
        }

        if (node is JsonValue single && single.GetValueKind() == JsonValueKind.String && single.GetValue<string>() is { Length: > 0 } text)
        {
            values.Add(text);
            // Logs may print the token without its scheme ("Bearer x" -> "x").
            if (text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 && space < text.Length - 1)
            {
                values.Add(text[(space + 1)..]);
            }
        }
    }

    private static bool IsCredentialHeaderMismatch(JsonObject obj, out string? header)
    {
        header = PactMismatch.Text(obj["key"]);
        return PactMismatch.Text(obj["type"]) == "HeaderMismatch" && IsSensitive(header);
    }

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic|Digest)\s+[A-Za-z0-9\-._~+/=:]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeToken();

    [GeneratedRegex(@"(?<head>""?(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)""?\s*[:=]\s*\[?\s*"")[^""]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedHeaderValue();

    [GeneratedRegex(@"(?<head>^\s*(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)\s*:\s*)(?!"")\S.*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();
}
