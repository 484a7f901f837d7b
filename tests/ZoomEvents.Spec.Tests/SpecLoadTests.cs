using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ZoomEvents.Spec.Tests;

public sealed class SpecLoadTests
{
    [Fact]
    public void Contract_loads_with_no_errors_and_no_warnings()
    {
        var (document, diagnostic) = SpecFiles.Parse(File.ReadAllText(SpecFiles.ContractPath));

        Assert.NotNull(diagnostic);
        var problems = Describe(diagnostic);
        Assert.True(problems.Count == 0, "The contract has diagnostics:\n" + string.Join("\n", problems));
        Assert.NotNull(document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
    }

    [Fact]
    public void Loader_reports_a_structurally_invalid_document()
    {
        // Shows the zero-diagnostics check above can fail: the same call rejects a path that is not a path.
        var (_, diagnostic) = SpecFiles.Parse(File.ReadAllText(SpecFiles.FixturePath("invalid-structure.fixture.yaml")));

        var problems = Describe(diagnostic!);
        Assert.Contains(problems, p => p.Contains("things", StringComparison.Ordinal) && p.Contains("#/paths", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_reference_in_the_contract_resolves()
    {
        var unresolved = UnresolvedReferences(SpecJson.Contract);

        Assert.True(unresolved.Count == 0, "Unresolved references:\n" + string.Join("\n", unresolved));
    }

    [Fact]
    public void Unresolved_reference_in_the_fixture_is_found()
    {
        // Microsoft.OpenApi accepts a dangling schema reference silently, so the contract gets its own check.
        var unresolved = UnresolvedReferences(SpecJson.LoadFile(SpecFiles.FixturePath("invalid-structure.fixture.yaml")));

        Assert.Equal(new[] { "#/components/schemas/Missing" }, unresolved);
    }

    private static List<string> Describe(Microsoft.OpenApi.Reader.OpenApiDiagnostic diagnostic) =>
        diagnostic.Errors.Select(e => $"error at {e.Pointer}: {e.Message}")
            .Concat(diagnostic.Warnings.Select(w => $"warning at {w.Pointer}: {w.Message}"))
            .ToList();

    private static List<string> UnresolvedReferences(JsonObject spec)
    {
        var unresolved = new List<string>();
        Visit(spec);
        return unresolved;

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["$ref"] is JsonValue reference)
                    {
                        var target = reference.GetValue<string>();
                        try
                        {
                            SpecJson.Pointer(spec, target);
                        }
                        catch (InvalidOperationException)
                        {
                            unresolved.Add(target);
                        }
                    }

                    foreach (var (_, child) in obj)
                    {
                        Visit(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Visit(item);
                    }

                    break;
            }
        }
    }
}
