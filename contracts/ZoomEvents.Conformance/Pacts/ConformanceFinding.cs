using System.Text;
using System.Text.Json;

namespace ZoomEvents.Conformance.Pacts;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// Rule codes, spelled exactly as PactFlow's openapi-pact-comparator (and swagger-mock-validator before it) spell them,
/// so anyone who knows those tools can read our output and look codes up in their docs.
/// </summary>
public static class RuleCodes
{
    public const string RequestPathOrMethodUnknown = "request.path-or-method.unknown";
    public const string RequestBodyIncompatible = "request.body.incompatible";
    public const string RequestBodyUnknown = "request.body.unknown";
    public const string RequestBodyUnvalidatable = "request.body.unvalidatable";
    public const string RequestContentTypeIncompatible = "request.content-type.incompatible";
    public const string RequestContentTypeMissing = "request.content-type.missing";
    public const string RequestAcceptIncompatible = "request.accept.incompatible";
    public const string RequestHeaderIncompatible = "request.header.incompatible";
    public const string RequestHeaderUnknown = "request.header.unknown";
    public const string RequestQueryIncompatible = "request.query.incompatible";
    public const string RequestQueryUnknown = "request.query.unknown";
    public const string RequestAuthorizationMissing = "request.authorization.missing";
    public const string ResponseStatusUnknown = "response.status.unknown";
    public const string ResponseStatusDefault = "response.status.default";
    public const string ResponseBodyIncompatible = "response.body.incompatible";
    public const string ResponseBodyUnknown = "response.body.unknown";
    public const string ResponseBodyUnvalidatable = "response.body.unvalidatable";
    public const string ResponseContentTypeIncompatible = "response.content-type.incompatible";
    public const string ResponseHeaderIncompatible = "response.header.incompatible";
    public const string ResponseHeaderUnknown = "response.header.unknown";
    public const string ResponseHeaderUndefined = "response.header.undefined";
    public const string RequestAcceptUnknown = "request.accept.unknown";
    public const string NoPactsFound = "pact-broker.no-pacts-found";
}

/// <summary>One disagreement between a pact interaction and the spec.</summary>
/// <param name="Code">A <see cref="RuleCodes"/> value.</param>
/// <param name="Pointer">JSON pointer into the interaction, e.g. <c>/response/body/events/0/start_time</c> or <c>/request/query/role_type</c>.</param>
/// <param name="Operation">The matched spec operation (operationId + method + path), when one matched.</param>
public sealed record ConformanceFinding(
    string Code,
    Severity Severity,
    string PactSource,
    int InteractionIndex,
    string Interaction,
    string Pointer,
    string Message,
    string? Operation = null)
{
    /// <summary>Index used by findings about the whole run rather than one interaction (e.g. no pacts found).</summary>
    public const int NoInteraction = -1;

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Severity == Severity.Error ? "error" : "warning").Append(' ')
            .Append(Code).Append(" in ");
        if (InteractionIndex == NoInteraction)
        {
            return text.Append(PactSource).Append(": ").Append(Message).ToString();
        }

        text.Append(Path.GetFileName(PactSource)).Append(" #").Append(InteractionIndex)
            .Append(" '").Append(Interaction).Append("' at ")
            .Append(Pointer).Append(": ").Append(Message);
        if (Operation is not null)
        {
            text.Append(" [").Append(Operation).Append(']');
        }

        return text.ToString();
    }
}

/// <summary>Findings for one pact file.</summary>
public sealed record PactFileResult(string Source, string Consumer, string Provider, int InteractionCount, IReadOnlyList<ConformanceFinding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public override string ToString()
    {
        var text = new StringBuilder();
        var errors = Findings.Count(f => f.Severity == Severity.Error);
        text.Append(Path.GetFileName(Source)).Append(" (").Append(Consumer).Append(" -> ").Append(Provider).Append("): ")
            .Append(InteractionCount).Append(" HTTP interactions, ")
            .Append(errors).Append(" errors, ").Append(Findings.Count - errors).Append(" warnings");
        foreach (var finding in Findings)
        {
            text.AppendLine().Append("  ").Append(finding);
        }

        return text.ToString();
    }
}

/// <summary>Findings for every pact checked against one spec.</summary>
/// <param name="Notices">Findings about the run as a whole rather than one pact file (see <see cref="RuleCodes.NoPactsFound"/>).</param>
public sealed record PactCheckReport(string Spec, IReadOnlyList<PactFileResult> Files, IReadOnlyList<ConformanceFinding>? Notices = null)
{
    public IEnumerable<ConformanceFinding> Findings => (Notices ?? []).Concat(Files.SelectMany(f => f.Findings));

    /// <summary>True when no pact file was checked at all: a gate that checked nothing proves nothing.</summary>
    public bool FoundNoPacts => Files.Count == 0;

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);

    public bool HasErrors => ErrorCount > 0;

    /// <summary>Machine-readable form for CI annotations; the shape mirrors the text output.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            spec = Spec,
            errors = ErrorCount,
            warnings = WarningCount,
            notices = (Notices ?? []).Select(n => new
            {
                code = n.Code,
                severity = n.Severity == Severity.Error ? "error" : "warning",
                source = n.PactSource,
                message = n.Message,
            }),
            files = Files.Select(f => new
            {
                source = f.Source,
                consumer = f.Consumer,
                provider = f.Provider,
                interactions = f.InteractionCount,
                findings = f.Findings.Select(x => new
                {
                    code = x.Code,
                    severity = x.Severity == Severity.Error ? "error" : "warning",
                    interactionIndex = x.InteractionIndex,
                    interaction = x.Interaction,
                    pointer = x.Pointer,
                    message = x.Message,
                    operation = x.Operation,
                }),
            }),
        },
        new JsonSerializerOptions { WriteIndented = true });

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Checked ").Append(Files.Count).Append(" pact file(s) against ").Append(Spec).Append(": ")
            .Append(ErrorCount).Append(" errors, ").Append(WarningCount).Append(" warnings");
        foreach (var notice in Notices ?? [])
        {
            text.AppendLine().Append(notice);
        }

        foreach (var file in Files)
        {
            text.AppendLine().Append(file);
        }

        return text.ToString();
    }
}
