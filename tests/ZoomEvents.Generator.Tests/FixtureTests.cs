using Microsoft.CodeAnalysis;
using ZoomEvents.Generator.Tests.Infrastructure;

namespace ZoomEvents.Generator.Tests;

/// <summary>
/// Every fixture spec generates code that compiles with nullable enabled and warnings as errors, and the generated
/// source matches its checked-in baseline (UPDATE_SNAPSHOTS=1 rewrites baselines).
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Fixtures => new()
    {
        "petstore.yaml",
        "vendor-shaped.yaml",
        "hostile.yaml",
        "swagger2.yaml",
        "openapi31.json",
        "unions.yaml",
        "contract-pinned.yaml",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_code_compiles_without_warnings(string fixture)
    {
        var (result, output, generatorDiagnostics) = GeneratorHarness.Run(InputFile.Spec("/specs/" + fixture, GeneratorHarness.ReadSpec(fixture)));

        Assert.Null(result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(result.GeneratedSources);
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_code_matches_baseline(string fixture)
    {
        var (result, _, _) = GeneratorHarness.Run(InputFile.Spec("/specs/" + fixture, GeneratorHarness.ReadSpec(fixture)));

        Snapshot.Match(Path.GetFileNameWithoutExtension(fixture), Snapshot.Render(result));
    }

    [Fact]
    public void Live_contract_generates_a_compiling_client()
    {
        // The contract evolves with the API; this checks it still generates, without pinning its text.
        var (result, output, generatorDiagnostics) = GeneratorHarness.Run(InputFile.Spec("/specs/zoom-events.openapi.yaml", GeneratorHarness.ReadSpec("live/zoom-events.openapi.yaml"), "Zoom.Live"));

        Assert.Null(result.Exception);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, GeneratorHarness.Describe(problems));
        var hints = result.GeneratedSources.Select(s => s.HintName).ToList();
        foreach (var expected in new[] { "ZoomEventsClient", "HubsClient", "EventsClient", "EventAccessClient", "TicketTypesClient", "SessionsClient", "TicketsClient", "RecurringRegistrationOption", "RecurrenceType" })
        {
            Assert.Contains("ZoomEvents." + expected + ".g.cs", hints);
        }
    }
}
