namespace ZoomEvents.Generator.Tests.Infrastructure;

/// <summary>
/// Finds the repository by walking up from the test binary to the folder holding CodeGen.sln. Not from
/// [CallerFilePath]: CI builds with ContinuousIntegrationBuild, which maps source paths to "/_/" and leaves
/// nothing on disk to walk up from.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No CodeGen.sln above {AppContext.BaseDirectory}; run the tests inside the repository.");
    }
}
