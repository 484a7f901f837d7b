using System.Globalization;
using Microsoft.OpenApi;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Diff;

/// <summary>
/// Compares two versions of an OpenAPI document and classifies each change for a client generated from the old one:
/// anything that removes or renames generated members, changes their types, makes a call need more input, or lets a
/// response carry something the client was not generated for is breaking; pure additions are not.
/// </summary>
public static class SpecDiff
{
    public static SpecDiffReport Compare(OpenApiSpec oldSpec, OpenApiSpec newSpec)
    {
        var changes = new ChangeSink();
        if (!string.Equals(oldSpec.BasePath, newSpec.BasePath, StringComparison.Ordinal))
        {
            changes.Add(true, "server-base-path-changed", "/servers/0/url", $"Base path changed from '{oldSpec.BasePath}' to '{newSpec.BasePath}'.");
        }

        var schemas = new SchemaDiff(changes, ComponentUsage.Compute(oldSpec));
        var newOperations = newSpec.Operations.ToDictionary(Key, StringComparer.Ordinal);
        var oldOperations = oldSpec.Operations.ToDictionary(Key, StringComparer.Ordinal);
        foreach (var (key, oldOperation) in oldOperations)
        {
            if (newOperations.TryGetValue(key, out var newOperation))
            {
                CompareOperation(oldOperation, newOperation, changes, schemas, oldSpec, newSpec);
            }
            else
            {
                changes.Add(true, "operation-removed", oldOperation.Pointer, $"Operation {oldOperation} was removed.");
            }
        }

        foreach (var (key, newOperation) in newOperations.Where(o => !oldOperations.ContainsKey(o.Key)))
        {
            changes.Add(false, "operation-added", newOperation.Pointer, $"Operation {newOperation} was added.");
        }

        schemas.CompareComponents(oldSpec.Document.Components?.Schemas, newSpec.Document.Components?.Schemas);
        return new SpecDiffReport(oldSpec.Source, newSpec.Source, changes.ToList());
    }

    public static SpecDiffReport Compare(string oldPath, string newPath) => Compare(OpenApiSpec.Load(oldPath), OpenApiSpec.Load(newPath));

    // Path parameters are positional: /events/{id} and /events/{eventId} are the same operation to a client.
    private static string Key(SpecOperation operation) =>
        operation.Method + " " + string.Join('/', operation.PathTemplate.Split('/').Select(s => s.StartsWith('{') ? "{}" : s));

    private static void CompareOperation(SpecOperation oldOp, SpecOperation newOp, ChangeSink changes, SchemaDiff schemas, OpenApiSpec oldSpec, OpenApiSpec newSpec)
    {
        var pointer = newOp.Pointer;
        if (!string.Equals(oldOp.OperationId, newOp.OperationId, StringComparison.Ordinal))
        {
            changes.Add(true, "operation-id-changed", pointer + "/operationId",
                $"operationId changed from '{oldOp.OperationId}' to '{newOp.OperationId}' (the generated method is renamed).");
        }

        var oldTag = oldOp.Operation.Tags?.FirstOrDefault()?.Name;
        var newTag = newOp.Operation.Tags?.FirstOrDefault()?.Name;
        if (!string.Equals(oldTag, newTag, StringComparison.Ordinal))
        {
            changes.Add(true, "operation-tag-changed", pointer + "/tags",
                $"First tag changed from '{oldTag}' to '{newTag}' (the method moves to another client group).");
        }

        CompareSecurity(SchemeNames(oldOp, oldSpec), SchemeNames(newOp, newSpec), pointer, changes);
        CompareParameters(oldOp, newOp, changes, schemas);
        CompareRequestBody(oldOp.Operation.RequestBody, newOp.Operation.RequestBody, pointer + "/requestBody", changes, schemas);
        CompareResponses(oldOp.Operation.Responses, newOp.Operation.Responses, pointer + "/responses", changes, schemas);
    }

    /// <summary>Security scheme names per alternative requirement; an empty set means anonymous access is allowed.</summary>
    private static List<HashSet<string>> SchemeNames(SpecOperation operation, OpenApiSpec spec) =>
        (operation.Operation.Security ?? spec.Document.Security ?? [])
            .Select(requirement => requirement.Keys.Select(k => k.Reference.Id ?? "").ToHashSet(StringComparer.Ordinal))
            .ToList();

    private static void CompareSecurity(List<HashSet<string>> oldSchemes, List<HashSet<string>> newSchemes, string pointer, ChangeSink changes)
    {
        static string Describe(List<HashSet<string>> schemes) =>
            schemes.Count == 0 ? "none" : string.Join(" or ", schemes.Select(s => s.Count == 0 ? "anonymous" : string.Join(" + ", s.Order(StringComparer.Ordinal))));

        var oldText = Describe(oldSchemes);
        var newText = Describe(newSchemes);
        if (oldText == newText)
        {
            return;
        }

        // Callers keep working only if one of the ways they used to authenticate is still accepted.
        var oldAnonymous = oldSchemes.Count == 0 || oldSchemes.Any(s => s.Count == 0);
        var newAnonymous = newSchemes.Count == 0 || newSchemes.Any(s => s.Count == 0);
        var stillAccepted = newAnonymous || (!oldAnonymous && oldSchemes.All(o => newSchemes.Any(n => n.IsSubsetOf(o))));
        changes.Add(!stillAccepted, "security-changed", pointer + "/security", $"Security requirements changed from {oldText} to {newText}.");
    }

    private static void CompareParameters(SpecOperation oldOp, SpecOperation newOp, ChangeSink changes, SchemaDiff schemas)
    {
        foreach (var oldParameter in oldOp.Parameters)
        {
            var newParameter = Counterpart(oldParameter, oldOp, newOp);
            var label = $"{oldParameter.In?.ToString().ToLowerInvariant()} parameter '{oldParameter.Name}'";
            if (newParameter is null)
            {
                changes.Add(true, "parameter-removed", oldOp.PointerOf(oldParameter), $"The {label} was removed.");
                continue;
            }

            var pointer = newOp.PointerOf(newParameter);
            if (!oldParameter.Required && newParameter.Required)
            {
                changes.Add(true, "parameter-became-required", pointer + "/required", $"The {label} is now required.");
            }
            else if (oldParameter.Required && !newParameter.Required)
            {
                changes.Add(false, "parameter-became-optional", pointer + "/required", $"The {label} is now optional.");
            }

            schemas.Compare(oldParameter.Schema, newParameter.Schema, pointer + "/schema", SchemaUsage.Request);
        }

        foreach (var added in newOp.Parameters.Where(n => Counterpart(n, newOp, oldOp) is null))
        {
            var label = $"{added.In?.ToString().ToLowerInvariant()} parameter '{added.Name}'";
            changes.Add(added.Required, added.Required ? "required-parameter-added" : "optional-parameter-added", newOp.PointerOf(added),
                added.Required ? $"A required {label} was added (existing calls do not send it)." : $"An optional {label} was added.");
        }
    }

    /// <summary>The same parameter in the other version: by name, except path parameters, which match by position.</summary>
    private static IOpenApiParameter? Counterpart(IOpenApiParameter parameter, SpecOperation from, SpecOperation to)
    {
        if (parameter.In == ParameterLocation.Path)
        {
            var position = PathParameterNames(from).IndexOf(parameter.Name ?? "");
            var names = PathParameterNames(to);
            return position >= 0 && position < names.Count
                ? to.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == names[position])
                : null;
        }

        var comparison = parameter.In == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return to.Parameters.FirstOrDefault(p => p.In == parameter.In && string.Equals(p.Name, parameter.Name, comparison));
    }

    private static List<string> PathParameterNames(SpecOperation operation) =>
        operation.PathTemplate.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]).ToList();

    private static void CompareRequestBody(IOpenApiRequestBody? oldBody, IOpenApiRequestBody? newBody, string pointer, ChangeSink changes, SchemaDiff schemas)
    {
        if (oldBody is null && newBody is null)
        {
            return;
        }

        if (oldBody is null)
        {
            var required = newBody!.Required;
            changes.Add(required, required ? "required-request-body-added" : "optional-request-body-added", pointer,
                required ? "A required request body was added." : "An optional request body was added.");
            return;
        }

        if (newBody is null)
        {
            changes.Add(true, "request-body-removed", pointer, "The request body was removed (the generated body parameter disappears).");
            return;
        }

        if (!oldBody.Required && newBody.Required)
        {
            changes.Add(true, "request-body-became-required", pointer + "/required", "The request body is now required.");
        }

        CompareContent(oldBody.Content, newBody.Content, pointer + "/content", SchemaUsage.Request, changes, schemas);
    }

    private static void CompareResponses(OpenApiResponses? oldResponses, OpenApiResponses? newResponses, string pointer, ChangeSink changes, SchemaDiff schemas)
    {
        oldResponses ??= new OpenApiResponses();
        newResponses ??= new OpenApiResponses();
        var oldHadSuccess = oldResponses.Keys.Any(IsSuccess);
        foreach (var (status, oldResponse) in oldResponses)
        {
            var statusPointer = Pointer.Append(pointer, status);
            if (!newResponses.TryGetValue(status, out var newResponse))
            {
                changes.Add(IsSuccess(status), "response-status-removed", statusPointer, IsSuccess(status)
                    ? $"Success status {status} is no longer documented (the client was generated for it)."
                    : $"Status {status} is no longer documented.");
                continue;
            }

            CompareContent(oldResponse.Content, newResponse.Content, statusPointer + "/content", SchemaUsage.Response, changes, schemas);
            foreach (var (header, oldHeader) in oldResponse.Headers ?? new Dictionary<string, IOpenApiHeader>())
            {
                if (newResponse.Headers?.TryGetValue(header, out var newHeader) == true)
                {
                    schemas.Compare(oldHeader.Schema, newHeader.Schema, Pointer.Append(statusPointer + "/headers", header) + "/schema", SchemaUsage.Response);
                }
            }

            foreach (var header in (oldResponse.Headers?.Keys ?? []).Where(h => newResponse.Headers?.ContainsKey(h) != true))
            {
                changes.Add(true, "response-header-removed", Pointer.Append(statusPointer + "/headers", header), $"Response header '{header}' is no longer promised.");
            }

            foreach (var header in (newResponse.Headers?.Keys ?? []).Where(h => oldResponse.Headers?.ContainsKey(h) != true))
            {
                changes.Add(false, "response-header-added", Pointer.Append(statusPointer + "/headers", header), $"Response header '{header}' was added.");
            }
        }

        foreach (var status in newResponses.Keys.Where(s => !oldResponses.ContainsKey(s)))
        {
            // A new success status means the operation can now answer in a way the generated client was not built for.
            var breaking = IsSuccess(status) && oldHadSuccess;
            changes.Add(breaking, "response-status-added", Pointer.Append(pointer, status), breaking
                ? $"New success status {status} (the generated client only knows {string.Join(", ", oldResponses.Keys.Where(IsSuccess))})."
                : $"Status {status} was documented.");
        }
    }

    private static bool IsSuccess(string status) => status.StartsWith('2');

    private static void CompareContent(
        IDictionary<string, IOpenApiMediaType>? oldContent,
        IDictionary<string, IOpenApiMediaType>? newContent,
        string pointer,
        SchemaUsage usage,
        ChangeSink changes,
        SchemaDiff schemas)
    {
        oldContent ??= new Dictionary<string, IOpenApiMediaType>();
        newContent ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (var (media, oldMedia) in oldContent)
        {
            var mediaPointer = Pointer.Append(pointer, media);
            if (!newContent.TryGetValue(media, out var newMedia))
            {
                changes.Add(true, "media-type-removed", mediaPointer, $"Media type '{media}' is no longer {(usage == SchemaUsage.Request ? "accepted" : "returned")}.");
                continue;
            }

            schemas.Compare(oldMedia.Schema, newMedia.Schema, mediaPointer + "/schema", usage);
        }

        foreach (var media in newContent.Keys.Where(m => !oldContent.ContainsKey(m)))
        {
            // A response that used to have no body and now has one is new data, not a break; a new alternative
            // response media type next to an existing one may not be understood by the client.
            var breaking = usage == SchemaUsage.Response && oldContent.Count > 0;
            changes.Add(breaking, "media-type-added", Pointer.Append(pointer, media), $"Media type '{media}' was added.");
        }
    }

    internal static string Describe(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
}

/// <summary>Collects changes, ignoring exact duplicates (a shared inline schema can be reached twice).</summary>
internal sealed class ChangeSink
{
    private readonly List<SpecChange> _changes = [];
    private readonly HashSet<(string Rule, string Pointer)> _seen = [];

    public void Add(bool breaking, string rule, string pointer, string message)
    {
        if (_seen.Add((rule, pointer)))
        {
            _changes.Add(new SpecChange(breaking, rule, pointer, message));
        }
    }

    public List<SpecChange> ToList() => [.. _changes];
}
