using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoomEvents.Spec.Tests;

/// <summary>An operation of the spec, with its path-level parameters already merged in.</summary>
internal sealed record SpecOperation(string Method, string Path, JsonObject Operation, IReadOnlyList<JsonObject> Parameters)
{
    public string? OperationId => Operation["operationId"]?.GetValue<string>();

    public string Name => $"{Method.ToUpperInvariant()} {Path} ({OperationId ?? "no operationId"})";
}

/// <summary>
/// House rules for the contract that OpenAPI itself does not enforce but the generator, the runtime and the pact
/// tooling rely on. Each violation is one readable sentence naming the operation.
/// </summary>
internal static partial class SpecLinter
{
    public const string ZoomErrorRef = "#/components/schemas/ZoomError";

    public static readonly string[] ErrorStatuses = ["400", "401", "403", "404", "429"];

    public static readonly string[] RateLimitHeaders =
        ["Retry-After", "X-RateLimit-Category", "X-RateLimit-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static IReadOnlyList<SpecOperation> Operations(JsonObject spec)
    {
        var result = new List<SpecOperation>();
        if (spec["paths"] is not JsonObject paths)
        {
            return result;
        }

        foreach (var (path, itemNode) in paths)
        {
            if (itemNode is not JsonObject item)
            {
                continue;
            }

            var shared = ResolveAll(spec, item["parameters"] as JsonArray);
            foreach (var method in Methods)
            {
                if (item[method] is JsonObject operation)
                {
                    var own = ResolveAll(spec, operation["parameters"] as JsonArray);

                    // An operation-level parameter overrides a path-level one with the same name and location.
                    var merged = own.Concat(shared.Where(s => !own.Any(o => SameParameter(o, s)))).ToList();
                    result.Add(new SpecOperation(method, path, operation, merged));
                }
            }
        }

        return result;
    }

    public static IReadOnlyList<string> Lint(JsonObject spec)
    {
        var problems = new List<string>();
        var operations = Operations(spec);
        var declaredTags = (spec["tags"] as JsonArray)?.Select(t => t?["name"]?.GetValue<string>()).ToHashSet() ?? [];

        foreach (var duplicate in operations.Where(o => o.OperationId is not null).GroupBy(o => o.OperationId).Where(g => g.Count() > 1))
        {
            problems.Add($"operationId '{duplicate.Key}' is used by {duplicate.Count()} operations.");
        }

        foreach (var op in operations)
        {
            LintOperation(spec, op, declaredTags, problems);
        }

        return problems;
    }

    private static void LintOperation(JsonObject spec, SpecOperation op, HashSet<string?> declaredTags, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(op.OperationId))
        {
            problems.Add($"{op.Name} has no operationId.");
        }

        var tags = (op.Operation["tags"] as JsonArray)?.Select(t => t?.GetValue<string>()).ToList() ?? [];
        if (tags.Count == 0)
        {
            problems.Add($"{op.Name} has no tag.");
        }

        foreach (var tag in tags.Where(t => !declaredTags.Contains(t)))
        {
            problems.Add($"{op.Name} uses tag '{tag}' that the document does not declare.");
        }

        var responses = op.Operation["responses"] as JsonObject ?? [];
        var successes = responses.Where(r => r.Key.Length == 3 && r.Key[0] == '2').ToList();
        if (successes.Count == 0)
        {
            problems.Add($"{op.Name} declares no 2xx response.");
        }

        foreach (var status in ErrorStatuses)
        {
            LintErrorResponse(spec, op, responses, status, problems);
        }

        foreach (var (status, node) in successes)
        {
            if (status != "204" && SpecJson.Resolve(spec, node!)["content"]?["application/json"]?["schema"] is not JsonObject schema)
            {
                problems.Add($"{op.Name}: response {status} has no application/json schema.");
            }
            else if (status != "204" && !IsComponentRef(SpecJson.Resolve(spec, node!)["content"]!["application/json"]!["schema"]))
            {
                problems.Add($"{op.Name}: response {status} should reference a named component schema.");
            }
        }

        if (op.Operation["requestBody"] is JsonNode body &&
            !IsComponentRef(SpecJson.Resolve(spec, body)["content"]?["application/json"]?["schema"]))
        {
            problems.Add($"{op.Name}: the request body should be application/json with a named component schema.");
        }

        LintPaging(spec, op, successes, problems);
        LintPathParameters(op, problems);
    }

    private static void LintErrorResponse(JsonObject spec, SpecOperation op, JsonObject responses, string status, List<string> problems)
    {
        if (responses[status] is not JsonNode node)
        {
            problems.Add($"{op.Name} does not document the {status} response.");
            return;
        }

        var response = SpecJson.Resolve(spec, node);
        var schemaRef = response["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        if (schemaRef != ZoomErrorRef)
        {
            problems.Add($"{op.Name}: the {status} response body is not the ZoomError schema.");
        }

        if (status == "429")
        {
            var headers = (response["headers"] as JsonObject)?.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var header in RateLimitHeaders.Where(h => !headers.Contains(h)))
            {
                problems.Add($"{op.Name}: the 429 response does not document the {header} header.");
            }
        }
    }

    // A list whose answer carries next_page_token must let the caller send page_size and next_page_token, and vice versa.
    private static void LintPaging(JsonObject spec, SpecOperation op, List<KeyValuePair<string, JsonNode?>> successes, List<string> problems)
    {
        var returnsToken = successes.Any(s => ResponseHasProperty(spec, s.Value, "next_page_token"));
        var query = op.Parameters.Where(p => p["in"]?.GetValue<string>() == "query")
            .Select(p => p["name"]?.GetValue<string>()).ToHashSet();
        var acceptsPaging = query.Contains("page_size") || query.Contains("next_page_token");

        if (returnsToken || acceptsPaging)
        {
            foreach (var name in new[] { "page_size", "next_page_token" }.Where(n => !query.Contains(n)))
            {
                problems.Add($"{op.Name} paginates but does not declare the {name} query parameter.");
            }
        }

        if (acceptsPaging && !returnsToken)
        {
            problems.Add($"{op.Name} accepts paging parameters but its response has no next_page_token.");
        }
    }

    private static void LintPathParameters(SpecOperation op, List<string> problems)
    {
        var declared = op.Parameters.Where(p => p["in"]?.GetValue<string>() == "path")
            .Select(p => p["name"]?.GetValue<string>()).ToHashSet();
        foreach (Match match in PathTemplate().Matches(op.Path))
        {
            if (!declared.Contains(match.Groups[1].Value))
            {
                problems.Add($"{op.Name} does not declare the path parameter '{match.Groups[1].Value}'.");
            }
        }
    }

    private static bool ResponseHasProperty(JsonObject spec, JsonNode? responseNode, string property)
    {
        if (responseNode is null ||
            SpecJson.Resolve(spec, responseNode)["content"]?["application/json"]?["schema"] is not JsonNode schemaNode)
        {
            return false;
        }

        return SpecJson.Resolve(spec, schemaNode)["properties"] is JsonObject properties && properties.ContainsKey(property);
    }

    private static bool IsComponentRef(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } r && r.StartsWith("#/components/schemas/", StringComparison.Ordinal);

    private static List<JsonObject> ResolveAll(JsonObject spec, JsonArray? parameters) =>
        parameters?.Where(p => p is not null).Select(p => SpecJson.Resolve(spec, p!).AsObject()).ToList() ?? [];

    private static bool SameParameter(JsonObject a, JsonObject b) =>
        a["name"]?.GetValue<string>() == b["name"]?.GetValue<string>() && a["in"]?.GetValue<string>() == b["in"]?.GetValue<string>();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathTemplate();
}
