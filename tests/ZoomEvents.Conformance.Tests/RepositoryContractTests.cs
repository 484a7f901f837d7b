using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Conformance.Diff;
using ZoomEvents.Conformance.Pacts;
using ZoomEvents.Conformance.Spec;
using ZoomEvents.Conformance.Tests.Infrastructure;

namespace ZoomEvents.Conformance.Tests;

/// <summary>The CI gates: the committed pacts against the committed contract, and the contract against its own history.</summary>
public sealed class RepositoryContractTests(ITestOutputHelper output)
{
    [CommittedPactsFact]
    public void Every_committed_pact_conforms_to_the_contract()
    {
        var spec = OpenApiSpec.Load(Repository.FullPath(Repository.SpecRelativePath)!);
        var checker = new PactChecker(spec);
        var results = CommittedPacts.Files.Select(file => checker.Check(PactFile.Load(file))).ToList();
        var report = new PactCheckReport(Repository.SpecRelativePath, results);
        output.WriteLine(report.ToString());

        Assert.True(results.Sum(r => r.InteractionCount) > 0, "The committed pacts contain no HTTP interactions.");
        Assert.False(report.HasErrors, report.ToString());
    }

    [CommittedPactsFact]
    public void The_committed_pacts_fail_when_their_paths_lose_the_base_path()
    {
        // The negative control for the gate above: the provider serves /v2/..., so paths without it must not pass.
        var spec = OpenApiSpec.Load(Repository.FullPath(Repository.SpecRelativePath)!);
        var checker = new PactChecker(spec);
        var interactions = 0;
        foreach (var file in CommittedPacts.Files)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var interaction in json["interactions"]!.AsArray())
            {
                if (interaction?["request"]?["path"]?.GetValue<string>() is { } path && path.StartsWith("/v2/", StringComparison.Ordinal))
                {
                    interaction["request"]!["path"] = path["/v2".Length..];
                }
            }

            var result = checker.Check(PactFile.Parse(json.ToJsonString(), file));
            interactions += result.InteractionCount;
            var rejected = result.Findings
                .Where(f => f.Code == RuleCodes.RequestPathOrMethodUnknown && f.Severity == Severity.Error)
                .Select(f => f.InteractionIndex)
                .Distinct();
            Assert.Equal(result.InteractionCount, rejected.Count());
        }

        Assert.True(interactions > 0, "The committed pacts contain no HTTP interactions.");
    }

    [SpecBaselineFact]
    public void The_contract_has_no_breaking_changes_since_its_baseline()
    {
        var baseline = SpecBaseline.Current;
        var oldSpec = OpenApiSpec.Parse(baseline.OldText!, $"{Repository.SpecRelativePath}@{baseline.Commit![..12]}");
        var newSpec = OpenApiSpec.Load(Repository.FullPath(Repository.SpecRelativePath)!);
        var report = SpecDiff.Compare(oldSpec, newSpec);
        output.WriteLine($"Baseline: {baseline.Description}");
        output.WriteLine(report.ToString());

        // Deliberate breaks are announced by raising the major version of info.version (semantic versioning).
        if (report.HasBreakingChanges && MajorVersion(newSpec) > MajorVersion(oldSpec))
        {
            output.WriteLine("Breaking changes accepted: info.version raised its major version.");
            return;
        }

        Assert.False(report.HasBreakingChanges, "Breaking changes against " + baseline.Description + ":" + Environment.NewLine + report);
    }

    [Fact]
    public void The_committed_contract_loads_and_every_schema_compiles_for_validation()
    {
        var path = Repository.FullPath(Repository.SpecRelativePath);
        Assert.True(path is not null && File.Exists(path), $"{Repository.SpecRelativePath} not found above {AppContext.BaseDirectory}.");

        var spec = OpenApiSpec.Load(path!);
        var validator = new Schemas.SchemaValidator();
        var empty = Schemas.SchemaValidator.ParseJson("{}");
        var compiled = 0;
        foreach (var (_, schema) in spec.Document.Components?.Schemas ?? new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>())
        {
            // Validation results do not matter here; compiling both directions must simply not throw.
            validator.Validate(schema, Schemas.SchemaDirection.Request, empty, "");
            validator.Validate(schema, Schemas.SchemaDirection.Response, empty, "");
            compiled++;
        }

        output.WriteLine($"{spec.Operations.Count} operations, {compiled} component schemas compiled in both directions.");
        Assert.True(spec.Operations.Count > 0, "The contract has no operations.");
        // Without this the loop above could compile nothing (no components read) and still pass.
        Assert.True(compiled > 0, "No component schemas were found, so nothing was compiled.");
    }

    private static int MajorVersion(OpenApiSpec spec) =>
        int.TryParse((spec.Document.Info?.Version ?? "0").TrimStart('v', 'V').Split('.')[0], out var major) ? major : 0;
}
