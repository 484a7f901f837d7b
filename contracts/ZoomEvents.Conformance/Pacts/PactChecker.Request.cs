using Microsoft.OpenApi;
using ZoomEvents.Conformance.Schemas;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Pacts;

public sealed partial class PactChecker
{
    // Transport and negotiation headers every HTTP client sends; the spec is not expected to declare them.
    private static readonly HashSet<string> StandardRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Accept-Language", "Authorization", "Cache-Control", "Connection", "Content-Length",
        "Content-Type", "Cookie", "Host", "User-Agent", "Traceparent", "X-Request-Id",
    };

    private void CheckAuthorization(InteractionContext context, SpecOperation operation)
    {
        var requirements = operation.Operation.Security ?? _spec.Document.Security;
        if (requirements is null || requirements.Count == 0)
        {
            return;
        }

        var headers = context.Interaction.RequestHeaders;
        var query = context.Interaction.Query;
        var satisfied = requirements.Any(requirement => requirement.Keys.All(scheme => scheme.Type switch
        {
            SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Query => query.ContainsKey(scheme.Name ?? ""),
            SecuritySchemeType.ApiKey when scheme.In == ParameterLocation.Header => headers.ContainsKey(scheme.Name ?? ""),
            SecuritySchemeType.ApiKey => true, // cookies are not modelled by pacts
            _ => headers.ContainsKey("Authorization"),
        }));
        if (!satisfied)
        {
            context.Add(RuleCodes.RequestAuthorizationMissing, Severity.Error, "/request/headers/Authorization",
                "The operation is secured but the request carries no credentials (Authorization header or API key).");
        }
    }

    private void CheckQuery(InteractionContext context, SpecOperation operation)
    {
        var declared = operation.Parameters.Where(p => p.In == ParameterLocation.Query).ToList();
        foreach (var (name, values) in context.Interaction.Query)
        {
            var pointer = Pointer.Append("/request/query", name);
            var parameter = declared.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                if (!IsSecurityParameter(operation, name, ParameterLocation.Query))
                {
                    context.Add(RuleCodes.RequestQueryUnknown, Severity.Warning, pointer, $"Query parameter '{name}' is not declared for this operation.");
                }

                continue;
            }

            CheckParameterValue(context, RuleCodes.RequestQueryIncompatible, pointer, $"Query parameter '{name}'", parameter, values);
        }

        foreach (var missing in declared.Where(p => p.Required && !context.Interaction.Query.ContainsKey(p.Name ?? "")))
        {
            context.Add(RuleCodes.RequestQueryIncompatible, Severity.Error, Pointer.Append("/request/query", missing.Name ?? ""),
                $"Required query parameter '{missing.Name}' is missing.");
        }
    }

    private void CheckRequestHeaders(InteractionContext context, SpecOperation operation)
    {
        var declared = operation.Parameters.Where(p => p.In == ParameterLocation.Header).ToList();
        foreach (var (name, values) in context.Interaction.RequestHeaders)
        {
            var pointer = Pointer.Append("/request/headers", name);
            var parameter = declared.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (parameter is not null)
            {
                CheckParameterValue(context, RuleCodes.RequestHeaderIncompatible, pointer, $"Header '{name}'", parameter, values);
            }
            else if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase))
            {
                CheckAccept(context, operation, pointer, values);
            }
            else if (!StandardRequestHeaders.Contains(name) && !IsSecurityParameter(operation, name, ParameterLocation.Header))
            {
                context.Add(RuleCodes.RequestHeaderUnknown, Severity.Warning, pointer, $"Request header '{name}' is not declared for this operation.");
            }
        }

        foreach (var missing in declared.Where(p => p.Required && !context.Interaction.RequestHeaders.ContainsKey(p.Name ?? "")))
        {
            context.Add(RuleCodes.RequestHeaderIncompatible, Severity.Error, Pointer.Append("/request/headers", missing.Name ?? ""),
                $"Required header '{missing.Name}' is missing.");
        }
    }

    private static void CheckAccept(InteractionContext context, SpecOperation operation, string pointer, IReadOnlyList<string> values)
    {
        var offered = (operation.Operation.Responses ?? new OpenApiResponses())
            .SelectMany(r => r.Value.Content?.Keys ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (offered.Count == 0)
        {
            context.Add(RuleCodes.RequestAcceptUnknown, Severity.Warning, pointer,
                $"Accept '{string.Join(", ", values)}' is sent but the operation documents no response media type to negotiate.");
            return;
        }

        var ranges = values.SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (ranges.Count > 0 && !ranges.Any(range => offered.Any(media => MediaTypes.Matches(range, media))))
        {
            context.Add(RuleCodes.RequestAcceptIncompatible, Severity.Error, pointer,
                $"Accept '{string.Join(", ", values)}' matches none of the response media types ({string.Join(", ", offered)}).");
        }
    }

    private void CheckParameterValue(InteractionContext context, string code, string pointer, string what, IOpenApiParameter parameter, IReadOnlyList<string> values)
    {
        if (parameter.Schema is not { } schema)
        {
            return;
        }

        var isArray = OpenApiSpec.Resolve(schema).Type is { } type && type.HasFlag(JsonSchemaType.Array);
        if (!isArray && values.Count > 1)
        {
            context.Add(code, Severity.Error, pointer, $"{what} is sent {values.Count} times but the spec declares a single value.");
            return;
        }

        foreach (var violation in _validator.Validate(schema, SchemaDirection.Request, ParameterValues.Coerce(values, schema), pointer))
        {
            context.Add(code, Severity.Error, violation.Pointer, $"{what}: {violation.Message}");
        }
    }

    private bool IsSecurityParameter(SpecOperation operation, string name, ParameterLocation location)
    {
        var requirements = operation.Operation.Security ?? _spec.Document.Security ?? [];
        return requirements.SelectMany(r => r.Keys).Any(s => s.Type == SecuritySchemeType.ApiKey && s.In == location
            && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private void CheckRequestBody(InteractionContext context, SpecOperation operation)
    {
        var body = context.Interaction.RequestBody;
        var spec = operation.Operation.RequestBody;

        // Like openapi-pact-comparator: a consumer may deliberately send an invalid body to provoke a 4xx.
        var expectsFailure = context.Interaction.Status >= 400;
        if (body is null)
        {
            if (spec?.Required == true && !expectsFailure)
            {
                context.Add(RuleCodes.RequestBodyIncompatible, Severity.Error, "/request/body", "The operation requires a request body but the pact sends none.");
            }

            return;
        }

        if (spec?.Content is not { Count: > 0 } content)
        {
            context.Add(RuleCodes.RequestBodyUnknown, Severity.Warning, "/request/body", "The pact sends a request body but the operation declares none.");
            return;
        }

        var contentType = body.ContentType;
        if (contentType is null)
        {
            context.Add(RuleCodes.RequestContentTypeMissing, Severity.Warning, "/request/headers/Content-Type", "The request has a body but no Content-Type.");
            contentType = "application/json";
        }

        if (MediaTypes.Find(content, contentType) is not { } media)
        {
            context.Add(RuleCodes.RequestContentTypeIncompatible, Severity.Error, "/request/headers/Content-Type",
                $"Content-Type '{contentType}' is not accepted (declared: {string.Join(", ", content.Keys)}).");
            return;
        }

        if (expectsFailure || media.Value.Schema is not { } schema || !body.IsJson)
        {
            return;
        }

        ValidateBody(context, body, schema, SchemaDirection.Request, "/request/body", RuleCodes.RequestBodyIncompatible, RuleCodes.RequestBodyUnvalidatable);
    }

    private void ValidateBody(InteractionContext context, PactBody body, IOpenApiSchema schema, SchemaDirection direction, string pointer, string code, string unvalidatable)
    {
        if (body.Json is null && body.Raw.Trim() != "null")
        {
            context.Add(code, Severity.Error, pointer, "The body is declared as JSON but does not parse as JSON.");
            return;
        }

        IReadOnlyList<SchemaViolation> violations;
        try
        {
            violations = _validator.Validate(schema, direction, SchemaValidator.ParseJson(body.Json?.ToJsonString() ?? "null"), pointer);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Newtonsoft.Json.JsonException)
        {
            context.Add(unvalidatable, Severity.Error, pointer, $"The schema could not be compiled for validation: {ex.Message}");
            return;
        }

        foreach (var violation in violations)
        {
            context.Add(code, Severity.Error, violation.Pointer, violation.Message);
        }
    }
}
