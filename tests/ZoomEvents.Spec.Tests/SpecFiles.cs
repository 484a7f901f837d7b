using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace ZoomEvents.Spec.Tests;

/// <summary>Finds and parses the checked-in contract so every test reads the same file the generator reads.</summary>
internal static class SpecFiles
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    public static string RepoRoot => RepoRootLazy.Value;

    public static string ContractPath => Path.Combine(RepoRoot, "contracts", "zoom-events.openapi.yaml");

    public static string FixturePath(string name) => Path.Combine(RepoRoot, "contracts", "fixtures", name);

    public static ReadResult Parse(string yamlText)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return OpenApiDocument.Parse(yamlText, "yaml", settings);
    }

    // Walk up from the test binary instead of copying the spec into bin/, so a stale copy can never be tested.
    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find CodeGen.sln above {AppContext.BaseDirectory}; the spec tests must run inside the repository.");
    }
}
