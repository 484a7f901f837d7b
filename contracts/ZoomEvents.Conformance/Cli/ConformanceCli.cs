using System.CommandLine;
using ZoomEvents.Conformance.Diff;
using ZoomEvents.Conformance.Pacts;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Cli;

/// <summary>
/// Command line: <c>check &lt;spec&gt; &lt;pact-dir-or-file&gt;</c> and <c>diff &lt;old&gt; &lt;new&gt;</c>.
/// Exit codes are meant for CI: 0 = clean, 1 = contract errors / breaking changes / no pact found to check,
/// 2 = bad usage or unreadable input.
/// </summary>
public static class ConformanceCli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int UsageOrLoadError = 2;

    /// <summary>The tool itself failed; distinct from <see cref="Findings"/> so CI never reads a crash as a contract verdict.</summary>
    public const int InternalError = 3;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (default) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var spec = new Argument<string>("spec") { Description = "OpenAPI file (YAML or JSON)." };
        var pacts = new Argument<string>("pacts") { Description = "A pact file, or a directory searched recursively for *.json pacts." };
        var check = new Command("check", "Check pact interactions against an OpenAPI spec (bi-directional contract test).") { spec, pacts, format };
        check.SetAction(parsed => Guard(stderr, () => RunCheck(parsed.GetValue(spec)!, parsed.GetValue(pacts)!, parsed.GetValue(format)!, stdout)));

        var oldSpec = new Argument<string>("old") { Description = "The previous version of the OpenAPI file." };
        var newSpec = new Argument<string>("new") { Description = "The new version of the OpenAPI file." };
        var diff = new Command("diff", "List changes between two spec versions, classified as breaking or not for generated clients.") { oldSpec, newSpec, format };
        diff.SetAction(parsed => Guard(stderr, () => RunDiff(parsed.GetValue(oldSpec)!, parsed.GetValue(newSpec)!, parsed.GetValue(format)!, stdout)));

        var root = new RootCommand("ZoomEvents contract conformance: pacts vs OpenAPI, and breaking-change detection between spec versions.")
        {
            check,
            diff,
        };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("usage: check <spec> <pact-dir-or-file> [--format text|json] | diff <old> <new> [--format text|json]");
            return UsageOrLoadError;
        }

        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static int RunCheck(string specPath, string pactPath, string format, TextWriter stdout)
    {
        var checker = new PactChecker(OpenApiSpec.Load(specPath));
        var report = checker.CheckPath(pactPath);
        stdout.WriteLine(format == "json" ? report.ToJson() : report.ToString());
        // An empty pact folder is usually a wrong path or a consumer run that wrote nothing; passing it would hide that.
        return report.HasErrors || report.FoundNoPacts ? Findings : Ok;
    }

    private static int RunDiff(string oldPath, string newPath, string format, TextWriter stdout)
    {
        var report = SpecDiff.Compare(oldPath, newPath);
        stdout.WriteLine(format == "json" ? report.ToJson() : report.ToString());
        return report.HasBreakingChanges ? Findings : Ok;
    }

    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ConformanceLoadException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return UsageOrLoadError;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left to System.CommandLine this would exit 1, which CI reads as "the contract has errors".
            stderr.WriteLine($"internal error ({ex.GetType().Name}): {ex.Message}");
            return InternalError;
        }
    }
}
