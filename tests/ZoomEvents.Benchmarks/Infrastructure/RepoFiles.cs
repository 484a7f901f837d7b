namespace ZoomEvents.Benchmarks.Infrastructure;

/// <summary>Finds inputs by walking up from the binary to the repository root (the folder holding CodeGen.sln).</summary>
public static class RepoFiles
{
    public const string ContractRelativePath = "contracts/zoom-events.openapi.yaml";

    public static string Root { get; } = FindRoot();

    public static string ContractPath => Path.Combine(Root, ContractRelativePath);

    public static string ReadContract()
    {
        var path = ContractPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The contract is missing at '{path}'; the benchmarks measure that exact file.", path);
        }

        return File.ReadAllText(path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No CodeGen.sln above '{AppContext.BaseDirectory}'; run the benchmarks from a clone of the repository.");
    }
}
