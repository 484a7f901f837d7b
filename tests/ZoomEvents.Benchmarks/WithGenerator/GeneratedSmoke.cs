using Microsoft.CodeAnalysis;
using ZoomEvents.Benchmarks.Generation;
using ZoomEvents.Benchmarks.Infrastructure;

namespace ZoomEvents.Benchmarks.Tools;

public static partial class Smoke
{
    static partial void ExtraChecks(List<string> failures)
    {
        var generator = GeneratorHarness.CreateGenerator();
        foreach (var spec in new[] { SpecInputs.Contract, SpecInputs.Synthetic })
        {
            var compilation = GeneratorHarness.CreateCompilation();
            var driver = GeneratorHarness.CreateDriver(generator, SpecInputs.VirtualPath(spec), SpecInputs.Text(spec), trackSteps: true)
                .RunGenerators(compilation);
            var first = driver.GetRunResult();
            var chars = GeneratorHarness.GeneratedChars(driver);
            var files = first.Results.Sum(r => r.GeneratedSources.Length);
            var errors = first.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Console.WriteLine($"smoke: generator on {spec}: {files} files, {chars:N0} chars, {first.Diagnostics.Length} diagnostics");
            foreach (var d in first.Diagnostics.Take(5))
            {
                Console.WriteLine("smoke:   " + d);
            }

            Expect(failures, chars > 10_000, $"generator produced only {chars} chars for {spec}");
            Expect(failures, errors.Length == 0, $"generator reported {errors.Length} error(s) for {spec}");
            Expect(failures, first.Results.All(r => r.Exception is null), $"generator threw on {spec}");

            // The cache claim: after an unrelated edit every tracked step must be Cached or Unchanged (no re-parse).
            var rerun = driver.RunGenerators(IncrementalBenchmarks.AddUnrelatedEdit(compilation)).GetRunResult();
            var steps = rerun.Results.SelectMany(r => r.TrackedSteps).ToArray();
            var busy = steps
                .SelectMany(kv => kv.Value.SelectMany(step => step.Outputs.Select(o => (Step: kv.Key, o.Reason))))
                .Where(x => x.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .ToArray();
            Console.WriteLine($"smoke: re-run after unrelated edit on {spec}: {steps.Length} tracked steps ({string.Join(", ", steps.Select(s => s.Key))}), " +
                $"{busy.Length} outputs not Cached/Unchanged");
            Expect(failures, steps.Length > 0, "the generator has no tracking names, so the no-parse claim cannot be checked");
            Expect(failures, busy.Length == 0, $"re-run on {spec} recomputed: {string.Join(", ", busy.Select(b => b.Step + "=" + b.Reason).Distinct())}");
        }
    }
}
