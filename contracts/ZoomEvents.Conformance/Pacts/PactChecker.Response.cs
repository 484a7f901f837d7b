using System.Globalization;
using Microsoft.OpenApi;
using ZoomEvents.Conformance.Schemas;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Pacts;

public sealed partial class PactChecker
{
    // Headers any HTTP stack may add; a consumer seeing them is not relying on an API promise.
    private static readonly HashSet<string> StandardResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cache-Control", "Connection", "Content-Encoding", "Content-Length", "Date", "ETag", "Expires", "Last-Modified",
        "Server", "Transfer-Encoding", "Vary", "Access-Control-Allow-Origin", "Strict-Transport-Security",
    };

    private void CheckResponse(InteractionContext context, SpecOperation operation)
    {
        var status = context.Interaction.Status;
        var responses = operation.Operation.Responses;
        var response = FindResponse(responses, status, out var matchedKey);
        if (response is null)
        {
            var documented = responses is null ? "none" : string.Join(", ", responses.Keys);
            context.Add(RuleCodes.ResponseStatusUnknown, Severity.Error, "/response/status",
                $"Status {status} is not documented for this operation (documented: {documented}).");
            return;
        }

        if (matchedKey == "default")
        {
            context.Add(RuleCodes.ResponseStatusDefault, Severity.Warning, "/response/status",
                $"Status {status} is only covered by the 'default' response.");
        }

        CheckResponseHeaders(context, response);
        CheckResponseBody(context, response);
    }

    private static IOpenApiResponse? FindResponse(OpenApiResponses? responses, int status, out string? key)
    {
        key = null;
        if (responses is null)
        {
            return null;
        }

        var exact = status.ToString(CultureInfo.InvariantCulture);
        var range = exact[0] + "XX";
        foreach (var candidate in new[] { exact, range, range.ToLowerInvariant(), "default" })
        {
            if (responses.TryGetValue(candidate, out var response))
            {
                key = candidate;
                return response;
            }
        }

        return null;
    }

    private void CheckResponseHeaders(InteractionContext context, IOpenApiResponse response)
    {
        foreach (var (name, values) in context.Interaction.ResponseHeaders)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue; // checked with the body
            }

            var pointer = Pointer.Append("/response/headers", name);
            var declared = response.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            if (declared is { Value: { } header })
            {
                if (header.Schema is { } schema)
                {
                    foreach (var violation in _validator.Validate(schema, SchemaDirection.Response, ParameterValues.Coerce(values, schema), pointer))
                    {
                        context.Add(RuleCodes.ResponseHeaderIncompatible, Severity.Error, violation.Pointer, $"Header '{name}': {violation.Message}");
                    }
                }
            }
            else if (StandardResponseHeaders.Contains(name))
            {
                context.Add(RuleCodes.ResponseHeaderUndefined, Severity.Warning, pointer, $"Standard header '{name}' is not described by the spec.");
            }
            else
            {
                context.Add(RuleCodes.ResponseHeaderUnknown, Severity.Error, pointer,
                    $"The consumer expects header '{name}', which the spec does not promise for this response.");
            }
        }
    }

    private void CheckResponseBody(InteractionContext context, IOpenApiResponse response)
    {
        var body = context.Interaction.ResponseBody;
        if (body is null)
        {
            return;
        }

        if (response.Content is not { Count: > 0 } content)
        {
            context.Add(RuleCodes.ResponseBodyUnknown, Severity.Error, "/response/body",
                "The consumer expects a response body but the spec documents none for this status.");
            return;
        }

        var contentType = body.ContentType ?? "application/json";
        if (MediaTypes.Find(content, contentType) is not { } media)
        {
            context.Add(RuleCodes.ResponseContentTypeIncompatible, Severity.Error, "/response/headers/Content-Type",
                $"Content-Type '{contentType}' is not documented for this response (documented: {string.Join(", ", content.Keys)}).");
            return;
        }

        if (media.Value.Schema is not { } schema)
        {
            context.Add(RuleCodes.ResponseBodyUnknown, Severity.Error, "/response/body", $"No schema is documented for '{media.Key}'.");
            return;
        }

        if (body.IsJson)
        {
            ValidateBody(context, body, schema, SchemaDirection.Response, "/response/body", RuleCodes.ResponseBodyIncompatible, RuleCodes.ResponseBodyUnvalidatable);
        }
    }
}
