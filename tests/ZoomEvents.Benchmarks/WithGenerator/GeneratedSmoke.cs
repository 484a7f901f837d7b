using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.CodeAnalysis;
using ZoomEvents.Benchmarks.Generation;
using ZoomEvents.Benchmarks.Infrastructure;

namespace ZoomEvents.Benchmarks.Tools;

public static partial class Smoke
{
    static partial void ExtraChecks(List<string> failures)
    {
        SerializationSmoke(failures);
        StageSmoke(failures);
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

    /// <summary>The stage benchmarks reach internals by reflection; prove each stage still runs and produces output.</summary>
    private static void StageSmoke(List<string> failures)
    {
        var internals = new GeneratorInternals();
        foreach (var spec in new[] { SpecInputs.Contract, SpecInputs.Synthetic })
        {
            var (path, text) = (SpecInputs.VirtualPath(spec), SpecInputs.Text(spec));
            var api = internals.Api(internals.ParseStage(path, text));
            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            settings.AddYamlReader();
            var document = OpenApiDocument.Parse(text, "yaml", settings).Document!;
            var rebuilt = internals.BuildModel(document, api, path, text);
            var chars = internals.Emit(rebuilt);
            Console.WriteLine($"smoke: stages on {spec}: model rebuilt from a pre-read document equals the pipeline's: {rebuilt.Equals(api)}, emitted {chars:N0} chars");
            Expect(failures, rebuilt.Equals(api), $"model build over a pre-read document differs from the parse step's model for {spec}");
            Expect(failures, chars > 10_000, $"emission produced only {chars} chars for {spec}");
        }
    }

    /// <summary>Generated models must read the same sessions and write the same ticket JSON as the STJ baseline.</summary>
    private static void SerializationSmoke(List<string> failures)
    {
        var json = Serialization.Payloads.SessionListJson();
        var baseline = Serialization.Contenders.StjRead(json)!;
        var generated = Serialization.GeneratedContender.Read(json);
        Expect(failures, generated.Sessions!.Count == Serialization.Payloads.SessionCount, "generated models read a different number of sessions");
        Expect(failures, generated.Sessions[^1].StartTime == baseline.Sessions![^1].StartTime
            && generated.Sessions[^1].AttendanceType?.ToString() == baseline.Sessions[^1].AttendanceType
            && generated.Sessions[^1].SessionSpeakers!.Count == 2,
            "generated models read the last session differently from the STJ baseline");

        var seeds = Serialization.Payloads.Tickets();
        var stjBytes = Serialization.Contenders.StjWrite(Serialization.Contenders.HandWrittenTickets(seeds));
        var genBytes = Serialization.GeneratedContender.Write(Serialization.GeneratedContender.Tickets(seeds));
        Console.WriteLine($"smoke: ticket batch generated {genBytes.Length:N0} bytes; same JSON as STJ: {Serialization.Contenders.JsonEquals(stjBytes, genBytes)}");
        Expect(failures, Serialization.Contenders.JsonEquals(stjBytes, genBytes), "generated ticket batch JSON differs from the STJ baseline's");
    }
}
