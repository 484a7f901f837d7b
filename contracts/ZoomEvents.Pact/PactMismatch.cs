using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEvents.Pact;

/// <summary>One problem the mock server saw: a request that differed, one it did not expect, or one that never came.</summary>
/// <param name="Kind">Engine category: <c>request-mismatch</c>, <c>request-not-found</c> (unexpected), <c>missing-request</c> (never sent).</param>
/// <param name="Method">HTTP method of the request concerned.</param>
/// <param name="Path">Path of the request concerned.</param>
/// <param name="Details">What differed, for <c>request-mismatch</c>.</param>
/// <param name="Summary">One-line description.</param>
public sealed record PactMismatch(string Kind, string Method, string Path, IReadOnlyList<PactMismatchDetail> Details, string Summary)
{
    internal static IReadOnlyList<PactMismatch> ParseAll(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return [new PactMismatch("unparsed", "", "", [], json)];
        }
        if (root is not JsonArray array)
        {
            return [];
        }
        return array.OfType<JsonObject>().Select(Parse).ToList();
    }

    private static PactMismatch Parse(JsonObject item)
    {
        var kind = Text(item["type"]) ?? "unknown";
        var request = item["request"] as JsonObject;
        var method = Text(item["method"]) ?? Text(request?["method"]) ?? "";
        var path = Text(item["path"]) ?? Text(request?["path"]) ?? "";
        var details = (item["mismatches"] as JsonArray)?.OfType<JsonObject>().Select(PactMismatchDetail.Parse).ToList() ?? [];
        var summary = kind switch
        {
            "request-mismatch" => $"{method} {path}: the request differed from the expectation ({details.Count} difference(s))",
            "request-not-found" => $"{method} {path}: unexpected request (no interaction describes it)",
            "missing-request" => $"{method} {path}: expected request was never sent",
            _ => $"{method} {path}: {kind}",
        };
        return new PactMismatch(kind, method, path, details, summary);
    }

    internal static string Render(IReadOnlyList<PactMismatch> mismatches)
    {
        var text = new StringBuilder();
        for (var i = 0; i < mismatches.Count; i++)
        {
            var m = mismatches[i];
            text.Append("  ").Append(i + 1).Append(". ").AppendLine(m.Summary);
            foreach (var d in m.Details)
            {
                text.Append("       - ").AppendLine(d.ToString());
            }
        }
        return text.ToString().TrimEnd();
    }

    internal static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

/// <summary>One difference inside a mismatched request.</summary>
/// <param name="Type">Engine category: <c>BodyMismatch</c>, <c>QueryMismatch</c>, <c>HeaderMismatch</c>, <c>PathMismatch</c>, <c>MethodMismatch</c>, <c>BodyTypeMismatch</c>, …</param>
/// <param name="Location">JSON path for bodies (<c>$.recurring_registration_option</c>), parameter or header name otherwise.</param>
/// <param name="Expected">Expected value as text (JSON for structured values).</param>
/// <param name="Actual">Actual value as text.</param>
/// <param name="Message">The engine's own explanation.</param>
public sealed record PactMismatchDetail(string Type, string? Location, string? Expected, string? Actual, string Message)
{
    internal static PactMismatchDetail Parse(JsonObject item)
    {
        var type = PactMismatch.Text(item["type"]) ?? "Mismatch";
        var location = PactMismatch.Text(item["path"]) ?? PactMismatch.Text(item["parameter"]) ?? PactMismatch.Text(item["key"]);
        if (type == "HeaderMismatch" && SensitiveHeaders.IsSensitive(location))
        {
            // Credentials must not reach exception messages or test logs, even fake ones from a consumer test.
            return new PactMismatchDetail(type, location, SensitiveHeaders.Redacted, SensitiveHeaders.Redacted, $"Header '{location}' did not match (values redacted).");
        }
        return new PactMismatchDetail(
            type,
            location,
            PactMismatch.Text(item["expected"]),
            PactMismatch.Text(item["actual"]),
            PactMismatch.Text(item["mismatch"]) ?? "");
    }

    // Structured values arrive as JSON text ("\"x\""), so an empty string means the value was absent.
    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(missing)" : value;

    /// <summary>E.g. <c>BodyMismatch at $.recurring_registration_option: expected "all_sessions", actual "allSessions" (…)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Type);
        if (!string.IsNullOrEmpty(Location))
        {
            text.Append(" at ").Append(Location);
        }
        if (Expected is not null || Actual is not null)
        {
            text.Append(": expected ").Append(Show(Expected)).Append(", actual ").Append(Show(Actual));
        }
        if (!string.IsNullOrEmpty(Message))
        {
            text.Append(" — ").Append(Message);
        }
        return text.ToString();
    }
}

/// <summary>The consumer test's requests did not match the pact. The message lists every difference.</summary>
public sealed class PactMismatchException : PactException
{
    internal PactMismatchException(string consumer, string provider, IReadOnlyList<PactMismatch> mismatches, string? rawJson, Exception? testFailure)
        : base(BuildMessage(consumer, provider, mismatches, testFailure), testFailure)
    {
        Mismatches = mismatches;
        RawJson = rawJson;
    }

    /// <summary>Every problem the mock server recorded.</summary>
    public IReadOnlyList<PactMismatch> Mismatches { get; }

    /// <summary>The engine's mismatch JSON as received, except that credential header values are replaced by <c>[redacted]</c>.</summary>
    public string? RawJson { get; }

    private static string BuildMessage(string consumer, string provider, IReadOnlyList<PactMismatch> mismatches, Exception? testFailure)
    {
        var text = new StringBuilder()
            .Append("Pact verification failed for ").Append(consumer).Append(" -> ").Append(provider)
            .Append(" (").Append(mismatches.Count).AppendLine(" problem(s)):")
            .Append(PactMismatch.Render(mismatches));
        if (testFailure is not null)
        {
            text.AppendLine().Append("The test itself also failed (see InnerException): ")
                .Append(testFailure.GetType().Name).Append(": ").Append(testFailure.Message);
        }
        return text.ToString();
    }
}
