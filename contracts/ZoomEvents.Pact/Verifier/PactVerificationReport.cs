using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEvents.Pact.Verifier;

/// <summary>Outcome of one provider verification run, built from the engine's JSON result.</summary>
public sealed class PactVerificationReport
{
    private PactVerificationReport(string provider, int exitCode, IReadOnlyList<InteractionResult> interactions,
        IReadOnlyList<VerificationFailure> failures, IReadOnlyList<string> notices, string output, string? rawJson)
    {
        Provider = provider;
        ExitCode = exitCode;
        Interactions = interactions;
        Failures = failures;
        Notices = notices;
        Output = output;
        RawJson = rawJson;
    }

    /// <summary>Provider verified.</summary>
    public string Provider { get; }

    /// <summary>Engine exit code: 0 all passed, 1 verification failed, 2 could not run (no pacts, provider unreachable, bad config).</summary>
    public int ExitCode { get; }

    /// <summary>True when every (non-pending) interaction passed.</summary>
    public bool Passed => ExitCode == 0;

    /// <summary>Per-interaction results in the engine's order.</summary>
    public IReadOnlyList<InteractionResult> Interactions { get; }

    /// <summary>Why interactions failed (contract mismatches or technical errors), pending ones included.</summary>
    public IReadOnlyList<VerificationFailure> Failures { get; }

    /// <summary>Engine notices.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>The engine's human-readable report (ANSI stripped).</summary>
    public string Output { get; }

    /// <summary>The engine's JSON result as received.</summary>
    public string? RawJson { get; }

    /// <summary>Throws <see cref="PactVerificationFailedException"/> unless the run passed.</summary>
    public void EnsureSuccess()
    {
        if (!Passed)
        {
            throw new PactVerificationFailedException(this);
        }
    }

    /// <summary>Readable summary: one line per interaction, then every failure with its mismatches.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append("Pact verification of ").Append(Provider).Append(": ")
            .AppendLine(ExitCode switch { 0 => "passed", 1 => "FAILED", _ => $"could not run (exit code {ExitCode})" });
        foreach (var i in Interactions)
        {
            text.Append("  [").Append(i.Passed ? "ok" : i.Pending ? "pending-fail" : "FAIL").Append("] ").Append(i.Description);
            if (i.ProviderStates.Count > 0)
            {
                text.Append(" (given ").Append(string.Join(", ", i.ProviderStates)).Append(')');
            }
            text.AppendLine();
        }
        foreach (var f in Failures)
        {
            text.Append("  ").Append(f.Pending ? "pending failure" : "failure").Append(": ").AppendLine(f.Interaction);
            if (f.Error is not null)
            {
                text.Append("       - error: ").AppendLine(f.Error);
            }
            foreach (var m in f.Mismatches)
            {
                text.Append("       - ").AppendLine(m.ToString());
            }
        }
        if (Interactions.Count == 0 && Failures.Count == 0 && ExitCode != 0)
        {
            text.AppendLine(Output.Trim());
        }
        return text.ToString().TrimEnd();
    }

    internal static PactVerificationReport Create(string provider, int exitCode, string? json, string output)
    {
        var interactions = new List<InteractionResult>();
        var failures = new List<VerificationFailure>();
        var notices = new List<string>();
        JsonObject? root = null;
        try
        {
            root = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            // Keep the exit code and the text output; RawJson shows what could not be read.
        }
        if (root is not null)
        {
            foreach (var item in (root["interactionResults"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                interactions.Add(InteractionResult.Parse(item));
            }
            foreach (var item in (root["errors"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                failures.Add(VerificationFailure.Parse(item, pending: false));
            }
            foreach (var item in (root["pendingErrors"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                failures.Add(VerificationFailure.Parse(item, pending: true));
            }
            foreach (var item in (root["notices"] as JsonArray) ?? [])
            {
                var text = item is JsonObject o ? PactMismatch.Text(o["text"]) ?? o.ToJsonString() : PactMismatch.Text(item);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    notices.Add(text);
                }
            }
        }
        return new PactVerificationReport(provider, exitCode, interactions, failures, notices, output, json);
    }
}

/// <summary>Result of one interaction.</summary>
/// <param name="Description">Interaction description.</param>
/// <param name="ProviderStates">Provider state names.</param>
/// <param name="Passed">True when the provider's response matched.</param>
/// <param name="Pending">True when the interaction is pending (its failure does not fail the run).</param>
/// <param name="Duration">Time the engine spent on it, when reported.</param>
public sealed record InteractionResult(string Description, IReadOnlyList<string> ProviderStates, bool Passed, bool Pending, TimeSpan? Duration)
{
    internal static InteractionResult Parse(JsonObject item)
    {
        var states = (item["providerStates"] as JsonArray)?
            .Select(s => s is JsonObject o ? PactMismatch.Text(o["name"]) : PactMismatch.Text(s))
            .Where(s => s is not null).Select(s => s!).ToList() ?? [];
        var result = item["result"];
        // "OK" for a pass; an error object or "Error" otherwise.
        var passed = result is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "OK";
        var pending = item["pending"] is JsonValue p && p.GetValueKind() == JsonValueKind.True;
        var duration = ParseDuration(item["duration"]);
        return new InteractionResult(PactMismatch.Text(item["description"]) ?? "", states, passed, pending, duration);
    }

    // The engine writes Rust's Duration display: "946ms", "1.2s", "120µs", "35ns".
    private static TimeSpan? ParseDuration(JsonNode? node)
    {
        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
        {
            return TimeSpan.FromMilliseconds(n.GetValue<double>());
        }
        var text = PactMismatch.Text(node);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        (string Suffix, double Ms)[] units = [("ms", 1), ("µs", 0.001), ("us", 0.001), ("ns", 0.000001), ("s", 1000)];
        foreach (var (suffix, ms) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) &&
                double.TryParse(text[..^suffix.Length], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return TimeSpan.FromMilliseconds(value * ms);
            }
        }
        return null;
    }
}

/// <summary>Why one interaction failed.</summary>
/// <param name="Interaction">The engine's description of the interaction.</param>
/// <param name="Pending">Failure of a pending interaction (does not fail the run).</param>
/// <param name="Error">Technical failure (provider unreachable, state setup failed), if that was the cause.</param>
/// <param name="Mismatches">Contract breaks: what the provider answered versus what the pact expects.</param>
public sealed record VerificationFailure(string Interaction, bool Pending, string? Error, IReadOnlyList<PactMismatchDetail> Mismatches)
{
    internal static VerificationFailure Parse(JsonObject item, bool pending)
    {
        var interaction = PactMismatch.Text(item["interaction"]) ?? "";
        var mismatch = item["mismatch"] as JsonObject;
        var type = PactMismatch.Text(mismatch?["type"]);
        if (type == "mismatches")
        {
            var details = (mismatch!["mismatches"] as JsonArray)?.OfType<JsonObject>().Select(PactMismatchDetail.Parse).ToList() ?? [];
            return new VerificationFailure(interaction, pending, null, details);
        }
        var error = PactMismatch.Text(mismatch?["message"]) ?? mismatch?.ToJsonString() ?? "unknown error";
        return new VerificationFailure(interaction, pending, error, []);
    }
}

/// <summary>Provider verification did not pass. <see cref="Report"/> has the details; the message lists them.</summary>
public sealed class PactVerificationFailedException(PactVerificationReport report) : PactException(report.ToString())
{
    /// <summary>The full report.</summary>
    public PactVerificationReport Report { get; } = report;
}
