using Xunit;

namespace ZoomEvents.Package.Tests.Infrastructure;

/// <summary>
/// Packs the shipped packages (generator, runtime, contracts, conformance tool) once per test class into a fresh <see cref="ConsumerWorkspace"/>'s feed. Packing
/// is most of the run time, so every consumer test shares it; a failed pack is reported by each test that needs it.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private static readonly string[] Projects =
    [
        Path.Combine("runtime", "ZoomEvents.Runtime", "ZoomEvents.Runtime.csproj"),
        Path.Combine("generator", "ZoomEvents.Generator", "ZoomEvents.Generator.csproj"),
        Path.Combine("contracts", "ZoomEvents.Pact", "ZoomEvents.Pact.csproj"),
        Path.Combine("contracts", "ZoomEvents.Conformance", "ZoomEvents.Conformance.csproj"),
    ];

    public ConsumerWorkspace Workspace { get; } = ConsumerWorkspace.Create();

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public IReadOnlyList<CommandResult> Packs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Independent projects, so they pack side by side. Shared compilation and node reuse are off so no server
        // process outlives the command (see DotNet).
        Packs = await Task.WhenAll(Projects.Select(PackAsync));
    }

    private async Task<CommandResult> PackAsync(string project)
    {
        var none = new Dictionary<string, string>();
        // Restore without the test version first: usually a no-op, and it leaves the repository's obj/ assets exactly as
        // a normal build wrote them (a restore carrying -p:Version would rewrite them and make the next build redo work).
        var restore = await DotNet.RunAsync(RepositoryRoot, none, ["restore", project, "-nodeReuse:false"]);
        if (restore.ExitCode != 0)
        {
            return restore;
        }
        return await DotNet.RunAsync(RepositoryRoot, none,
            ["pack", project, "--no-restore", "-c", "Release", "-o", Workspace.FeedDirectory, $"-p:Version={Workspace.Version}",
             "-p:UseSharedCompilation=false", "-nodeReuse:false", "-warnaserror"]);
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
