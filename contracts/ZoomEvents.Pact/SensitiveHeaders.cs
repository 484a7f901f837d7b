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
    /// JSON gets the pattern-based scrub of <see cref="RedactText"/>. <paramref name="removedValues"/> returns what was
    /// replaced, so the same values can be removed from free text (logs) with one parse of the JSON.
    /// </summary>
    public static string? RedactMismatchJson(string? json, out IReadOnlyCollection<string> removedValues)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        removedValues = values;
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

        Redact(root, values);
        return root?.ToJsonString() ?? json;
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

    private static void Redact(JsonNode? node, HashSet<string> removed)
    {
        switch (node)
        {
            case JsonObject obj:
                if (IsCredentialHeaderMismatch(obj, out var header))
                {
                    AddValue(obj["expected"], removed);
                    AddValue(obj["actual"], removed);
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
                            AddValue(value, removed);
                            headers[name] = value is JsonArray many ? new JsonArray(many.Select(_ => (JsonNode?)Redacted).ToArray()) : Redacted;
                        }
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Redact(child, removed);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Redact(child, removed);
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
