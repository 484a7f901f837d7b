using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Package.Tests.Infrastructure;
using ZoomEvents.Sandbox;

namespace ZoomEvents.Package.Tests;

/// <summary>
/// The packages as users meet them: packed once into a private feed (<see cref="PackedFeed"/>), then taken by brand-new
/// projects outside the repository, built with warnings as errors and run. The generator journey is one test on purpose
/// (build, call the sandbox, edit the spec, rebuild without cleaning): every step needs the previous one.
/// </summary>
public sealed class ConsumerPackageTests(PackedFeed feed, ITestOutputHelper output) : IClassFixture<PackedFeed>
{
    private const string NewProperty = "package_test_note";
    private const string NewPropertyCSharp = "PackageTestNote";

    [Fact]
    public async Task Packed_generator_builds_runs_and_regenerates_in_a_fresh_consumer_project()
    {
        var repo = feed.RepositoryRoot;
        var workspace = feed.Workspace;
        output.WriteLine($"workspace {workspace.Root}, version {workspace.Version}");

        // 1. Pack (done once by the fixture for every test here).
        foreach (var pack in feed.Packs)
        {
            Succeeded(pack);
        }
        AssertGeneratorPackageLayout(workspace);

        // 2. A new console project that knows nothing of this repository.
        workspace.WriteConsumer(Path.Combine(repo, "contracts", "zoom-events.openapi.yaml"), ProgramSource(repo, useNewProperty: false));
        var build = await BuildAsync(workspace);
        Succeeded(build);
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), build.Output);
        var generated = workspace.GeneratedSources();
        Assert.Contains("class ZoomEventsClient", generated); // EmitCompilerGeneratedFiles=true wrote the sources
        Assert.DoesNotContain(NewPropertyCSharp, generated);

        // 3. Run it: README's program, through the generated DI extension and client, against the sandbox.
        await using (var sandbox = await SandboxServer.StartAsync())
        {
            var run = await DotNet.RunAsync(workspace.ProjectDirectory, new Dictionary<string, string>
            {
                ["ZOOM_BASE_URL"] = sandbox.ApiBaseUrl.ToString(),
                ["ZOOM_TOKEN_URL"] = sandbox.TokenUrl.ToString(),
                ["ZOOM_ACCOUNT_ID"] = sandbox.AccountId,
                ["ZOOM_CLIENT_ID"] = sandbox.ClientId,
                ["ZOOM_CLIENT_SECRET"] = sandbox.ClientSecret,
            }, [workspace.OutputAssembly], TimeSpan.FromMinutes(1));
            Succeeded(run);
            // README's example: one event created and published, two attendees registered, nothing rejected.
            Assert.Matches(new Regex(@"^event \S+: 2 tickets, 0 errors$", RegexOptions.Multiline), run.Output);
        }

        // 4. Change the contract: a new property on Hub, and code that uses it. Build again, no clean.
        var spec = File.ReadAllText(workspace.SpecPath);
        const string anchor = "    Hub:\n      type: object\n      description: A hub, the container that owns events.\n      properties:\n";
        Assert.True(spec.Contains(anchor, StringComparison.Ordinal),
            "The spec's Hub schema no longer starts the way this test expects; update the anchor in ConsumerPackageTests.");
        File.WriteAllText(workspace.SpecPath, spec.Replace(anchor, anchor + $"        {NewProperty}:\n          type: string\n", StringComparison.Ordinal));
        File.WriteAllText(workspace.ProgramPath, ProgramSource(repo, useNewProperty: true));

        var rebuild = await BuildAsync(workspace);
        Succeeded(rebuild);
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), rebuild.Output);
        Assert.Contains($"{NewPropertyCSharp} {{ get; init; }}", workspace.GeneratedSources());

        // 5. Override a template as README describes: start from the built-in one, change what it writes.
        var builtIn = File.ReadAllText(Path.Combine(repo, "generator", "ZoomEvents.Generator", "Templates", "dependency-injection.sbn-cs"));
        const string marker = "// Acme: registration template overridden by the package consumer test";
        workspace.OverrideTemplate("dependency-injection", marker + "\n" + builtIn);
        Assert.DoesNotContain(marker, workspace.GeneratedSources());
        var overridden = await BuildAsync(workspace);
        Succeeded(overridden);
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), overridden.Output);
        Assert.Contains(marker, workspace.GeneratedSources());
    }

    [Fact]
    public async Task Packed_contracts_fetch_the_native_engine_and_run_a_pact_consumer_test()
    {
        var workspace = feed.Workspace;
        foreach (var pack in feed.Packs)
        {
            Succeeded(pack);
        }
        AssertContractsPackageLayout(workspace);

        workspace.WriteContractsConsumer(ContractsProgram);
        var build = await DotNet.RunAsync(workspace.ContractsProjectDirectory, workspace.Environment,
            ["build", "-warnaserror", "-p:UseSharedCompilation=false", "-nodeReuse:false"]);
        Succeeded(build);
        Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), build.Output);
        // The package's targets fetched the engine into the project's (private) cache and checked the pinned sha256.
        Assert.Contains("sha256 of the tarball verified", build.Output);
        Assert.True(File.Exists(Path.Combine(workspace.PactNativeDirectory, "libpact_ffi.so")), "engine not in the cache folder");
        Assert.True(File.Exists(Path.Combine(workspace.ContractsOutputDirectory, "libpact_ffi.so")), "engine not copied to the output");
        // The contract travels with the package as content.
        Assert.Equal(
            File.ReadAllText(Path.Combine(feed.RepositoryRoot, "contracts", "zoom-events.openapi.yaml")),
            File.ReadAllText(Path.Combine(workspace.ContractsOutputDirectory, "contracts", "zoom-events.openapi.yaml")));

        var run = await DotNet.RunAsync(workspace.ContractsProjectDirectory, new Dictionary<string, string>(),
            [Path.Combine(workspace.ContractsOutputDirectory, ConsumerWorkspace.ContractsProjectName + ".dll")], TimeSpan.FromMinutes(1));
        Succeeded(run);
        Assert.Contains("mock answered {\"hubs\":[{\"hub_id\":\"hub_1\"}]}", run.Output);
        var pacts = Directory.GetFiles(Path.Combine(workspace.ContractsOutputDirectory, "pacts"), "*.json");
        var pact = Assert.Single(pacts);
        Assert.Contains("\"list hubs\"", File.ReadAllText(pact));
    }

    [Fact]
    public async Task Packed_conformance_tool_installs_and_checks_pacts_against_the_spec()
    {
        var workspace = feed.Workspace;
        foreach (var pack in feed.Packs)
        {
            Succeeded(pack);
        }
        var toolPath = Path.Combine(workspace.Root, "tools");
        var install = await DotNet.RunAsync(workspace.Root, workspace.Environment,
            ["tool", "install", "ZoomEvents.Conformance", "--version", workspace.Version, "--tool-path", toolPath]);
        Succeeded(install);
        var tool = Path.Combine(toolPath, "zoom-events-conformance");

        var spec = Path.Combine(feed.RepositoryRoot, "contracts", "zoom-events.openapi.yaml");
        var pacts = Path.Combine(feed.RepositoryRoot, "contracts", "pacts");
        var check = await Tool.RunAsync(tool, ["check", spec, pacts]);
        output.WriteLine(check.ToString());
        Assert.Equal(0, check.ExitCode);
        Assert.Matches(new Regex(@"Checked \d+ pact file\(s\) .*: 0 errors", RegexOptions.Multiline), check.Output);

        // CI relies on the exit codes: 2 when the input cannot be read, whatever else happens.
        var missing = await Tool.RunAsync(tool, ["check", Path.Combine(workspace.Root, "no-such-spec.yaml"), pacts]);
        Assert.True(missing.ExitCode == 2, missing.ToString());
    }

    /// <summary>A minimal Pact consumer test, the package readme's example, run as a program.</summary>
    private const string ContractsProgram = """
        using ZoomEvents.Pact;

        var pact = Pact.V4("MyApp", "ZoomEvents", new PactConfig { PactDir = Path.Combine(AppContext.BaseDirectory, "pacts") });
        pact.UponReceiving("list hubs")
            .WithRequest(HttpMethod.Get, "/v2/zoom_events/hubs")
            .WithQuery("role_type", "host")
            .WillRespond().WithStatus(200)
            .WithJsonBody(new { hubs = Match.EachLike(new { hub_id = Match.Type("hub_1") }) });
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient();
            var body = await http.GetStringAsync(new Uri(ctx.MockServerUri, "v2/zoom_events/hubs?role_type=host"));
            Console.WriteLine("mock answered " + body);
        });
        """;

    private static Task<CommandResult> BuildAsync(ConsumerWorkspace workspace)
        => DotNet.RunAsync(workspace.ProjectDirectory, workspace.Environment,
            ["build", "-warnaserror", "-p:UseSharedCompilation=false", "-nodeReuse:false"]);

    private static void AssertGeneratorPackageLayout(ConsumerWorkspace workspace)
    {
        var entries = workspace.PackageEntries("ZoomEvents.Generator");
        // The generator and everything it loads inside the compiler, each passed to csc as its own analyzer.
        foreach (var dll in new[] { "ZoomEvents.Generator", "Microsoft.OpenApi", "Microsoft.OpenApi.YamlReader", "SharpYaml", "Scriban.Signed" })
        {
            Assert.Contains($"analyzers/dotnet/cs/{dll}.dll", entries);
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/ZoomEvents.Generator.props", entries);
        Assert.Contains("buildTransitive/ZoomEvents.Generator.targets", entries);
        Assert.Contains("README.md", entries);

        var nuspec = workspace.PackageText("ZoomEvents.Generator", "ZoomEvents.Generator.nuspec");
        Assert.Contains($"<dependency id=\"ZoomEvents.Runtime\" version=\"{workspace.Version}\"", nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.DoesNotContain("developmentDependency", nuspec);
    }

    private static void AssertContractsPackageLayout(ConsumerWorkspace workspace)
    {
        var entries = workspace.PackageEntries("ZoomEvents.Contracts");
        Assert.Contains("lib/net10.0/ZoomEvents.Pact.dll", entries);
        Assert.Contains("contentFiles/any/any/contracts/zoom-events.openapi.yaml", entries);
        Assert.Contains("buildTransitive/ZoomEvents.Contracts.targets", entries);
        Assert.Contains("buildTransitive/pact-native/fetch-pact-native.sh", entries);
        Assert.Contains("buildTransitive/pact-native/pact-core.sha256", entries);
        // The native engine is fetched and checksum-verified by the consumer's build, never shipped inside.
        Assert.DoesNotContain(entries, e => e.EndsWith("libpact_ffi.so", StringComparison.Ordinal));
        var pins = workspace.PackageText("ZoomEvents.Contracts", "buildTransitive/ZoomEvents.Contracts.props");
        Assert.Matches(@"<ZoomEventsPactCoreVersion>\d+\.\d+\.\d+</ZoomEventsPactCoreVersion>", pins);
    }

    private void Succeeded(CommandResult result)
    {
        output.WriteLine($"$ {result.CommandLine}  (exit {result.ExitCode}, {result.Elapsed.TotalSeconds:F0}s)");
        if (result.ExitCode != 0)
        {
            Assert.Fail("Command failed:\n" + result);
        }
    }

    /// <summary>
    /// The consumer program is README's own example (the csharp block after <c>&lt;!-- package-test:program --&gt;</c>),
    /// so the steps a new user copies are the ones proven here. The second version adds a line that only compiles once
    /// the spec edit has regenerated <c>Hub</c>.
    /// </summary>
    private static string ProgramSource(string repo, bool useNewProperty)
    {
        var readme = File.ReadAllText(Path.Combine(repo, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string marker = "<!-- package-test:program -->\n```csharp\n";
        var start = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no csharp block after '<!-- package-test:program -->'; the package test runs that block.");
        start += marker.Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        Assert.True(end > start, "README.md's package-test program block is not closed.");
        var program = readme[start..end] + "\n";
        return useNewProperty
            ? program + $"var noted = new Hub {{ {NewPropertyCSharp} = \"added\" }};\nConsole.WriteLine(noted.{NewPropertyCSharp});\n"
            : program;
    }
}
