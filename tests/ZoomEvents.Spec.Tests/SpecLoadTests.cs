using Microsoft.OpenApi;

namespace ZoomEvents.Spec.Tests;

public sealed class SpecLoadTests
{
    [Fact]
    public void Contract_loads_with_no_errors_and_no_warnings()
    {
        var (document, diagnostic) = SpecFiles.Parse(File.ReadAllText(SpecFiles.ContractPath));

        Assert.NotNull(diagnostic);
        var problems = diagnostic.Errors.Select(e => $"error {e.Pointer}: {e.Message}")
            .Concat(diagnostic.Warnings.Select(w => $"warning {w.Pointer}: {w.Message}"))
            .ToList();
        Assert.True(problems.Count == 0, "The contract has diagnostics:\n" + string.Join("\n", problems));
        Assert.NotNull(document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, diagnostic.SpecificationVersion);
    }
}
