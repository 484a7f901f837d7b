using Xunit;

namespace ZoomEvents.Package.Tests.Infrastructure;

/// <summary>
/// Packs the three shipped packages once per test class into a fresh <see cref="ConsumerWorkspace"/>'s feed. Packing
/// is most of the run time, so every consumer test shares it; a failed pack is reported by each test that needs it.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private static readonly string[] Projects =
    [
        Path.Combine("runtime", "ZoomEvents.Runtime", "ZoomEvents.Runtime.csproj"),
        Path.Combine("generator", "ZoomEvents.Generator", "ZoomEvents.Generator.csproj"),
        Path.Combine("contracts", "ZoomEvents.Pact", "ZoomEvents.Pact.csproj"),
    ];

    public ConsumerWorkspace Workspace { get; } = ConsumerWorkspace.Create();

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public IReadOnlyList<CommandResult> Packs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Independent projects, so they pack side by side. Shared compilation and node reuse are off so no server
        // process outlives the command (see DotNet).
        var packs = Projects.Select(project => DotNet.RunAsync(RepositoryRoot, new Dictionary<string, string>(),
            ["pack", project, "-c", "Release", "-o", Workspace.FeedDirectory, $"-p:Version={Workspace.Version}",
             "-p:UseSharedCompilation=false", "-nodeReuse:false", "-warnaserror"]));
        Packs = await Task.WhenAll(packs);
    }

    public Task DisposeAsync()
    {
        Workspace.Dispose();
        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeGen.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"CodeGen.sln not found above {AppContext.BaseDirectory}; run this test from the repository.");
    }
}
