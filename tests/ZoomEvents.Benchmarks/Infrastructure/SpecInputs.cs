using ZoomEvents.Benchmarks.Synthetic;

namespace ZoomEvents.Benchmarks.Infrastructure;

/// <summary>The two spec inputs every generation benchmark is parameterised over.</summary>
public static class SpecInputs
{
    public const string Contract = "contract";
    public const string Synthetic = "synthetic";

    /// <summary>Path the generator sees for each input; only the file name reaches hint names and diagnostics.</summary>
    public static string VirtualPath(string spec) => spec switch
    {
        Contract => RepoFiles.ContractPath,
        Synthetic => Path.Combine(RepoFiles.Root, "artifacts", "synthetic.openapi.yaml"),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Expected 'contract' or 'synthetic'."),
    };

    public static string Text(string spec) => spec switch
    {
        Contract => RepoFiles.ReadContract(),
        Synthetic => SyntheticSpec.Generate(),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Expected 'contract' or 'synthetic'."),
    };
}
