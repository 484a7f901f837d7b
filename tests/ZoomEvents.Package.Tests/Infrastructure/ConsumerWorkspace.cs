using System.IO.Compression;

namespace ZoomEvents.Package.Tests.Infrastructure;

/// <summary>
/// A throw-away folder outside the repository holding a private package feed, a private NuGet packages folder and a
/// fresh console project that consumes the packages exactly as a user would (PackageReference + ZoomEventsSpec item).
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    public const string Namespace = "Acme.Zoom";
    public const string ProjectName = "ZoomConsumer";

    private ConsumerWorkspace(string root, string version)
    {
        Root = root;
        Version = version;
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ProjectDirectory);
        Directory.CreateDirectory(ContractsProjectDirectory);
        // Stubs so that no Directory.Build.* / Directory.Packages.props from anywhere above the temp folder applies.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig());
    }

    public string Root { get; }

    /// <summary>A version no feed or cache has seen before, so nothing can be served stale.</summary>
    public string Version { get; }

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string PackagesDirectory => Path.Combine(Root, "packages");

    public string ProjectDirectory => Path.Combine(Root, ProjectName);

    public string SpecPath => Path.Combine(ProjectDirectory, "zoom-events.openapi.yaml");

    public string ProgramPath => Path.Combine(ProjectDirectory, "Program.cs");

    public string OutputAssembly => Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0", ProjectName + ".dll");

    /// <summary>Where <c>EmitCompilerGeneratedFiles=true</c> puts our generator's output.</summary>
    public string GeneratedDirectory => Path.Combine(ProjectDirectory, "obj", "Debug", "net10.0", "generated", "ZoomEvents.Generator");

    /// <summary>Environment for every nested dotnet command that restores the consumer.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public static ConsumerWorkspace Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "zoomevents-package-test-" + Guid.NewGuid().ToString("N")[..12]);
        var version = $"0.0.0-test.{DateTime.UtcNow.Ticks}";
        return new ConsumerWorkspace(root, version);
    }

    /// <summary>Writes the generator consumer project and copies the spec next to it.</summary>
    public void WriteConsumer(string repositorySpec, string program)
    {
        WriteConsumerProject(templateItem: "");
        File.Copy(repositorySpec, SpecPath);
        File.WriteAllText(ProgramPath, program);
    }

    /// <summary>Replaces one built-in template, the way README tells users to: a file plus a ZoomEventsTemplate item.</summary>
    public void OverrideTemplate(string kind, string text)
    {
        var relative = Path.Combine("Templates", kind + ".sbn-cs");
        Directory.CreateDirectory(Path.Combine(ProjectDirectory, "Templates"));
        File.WriteAllText(Path.Combine(ProjectDirectory, relative), text);
        WriteConsumerProject($"""<ZoomEventsTemplate Include="{relative}" Kind="{kind}" />""");
    }

    private void WriteConsumerProject(string templateItem)
    {
        File.WriteAllText(Path.Combine(ProjectDirectory, ProjectName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ZoomEvents.Generator" Version="{Version}" />
                <ZoomEventsSpec Include="zoom-events.openapi.yaml" Namespace="{Namespace}" ClientName="ZoomEventsClient" />
                {templateItem}
              </ItemGroup>
            </Project>
            """);
    }

    public string ContractsProjectDirectory => Path.Combine(Root, ContractsProjectName);

    public const string ContractsProjectName = "PactConsumer";

    /// <summary>Where the contracts consumer's build caches the native engine (private, so the fetch really runs).</summary>
    public string PactNativeDirectory => Path.Combine(Root, "pact-native");

    public string ContractsOutputDirectory => Path.Combine(ContractsProjectDirectory, "bin", "Debug", "net10.0");

    /// <summary>A project that takes only ZoomEvents.Contracts, as a team writing Pact consumer tests would.</summary>
    public void WriteContractsConsumer(string program)
    {
        File.WriteAllText(Path.Combine(ContractsProjectDirectory, ContractsProjectName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ZoomEventsPactNativeDir>{PactNativeDirectory}/</ZoomEventsPactNativeDir>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ZoomEvents.Contracts" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ContractsProjectDirectory, "Program.cs"), program);
    }

    /// <summary>
    /// The private feed first; the machine's own sources stay in effect (no &lt;clear/&gt;) for third-party packages.
    /// The machine's package cache is a read-only fallback so those need no download; ours, at a fresh version, can
    /// only come from the feed into the private packages folder.
    /// </summary>
    private string NuGetConfig()
    {
        var machineCache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(machineCache))
        {
            machineCache = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }
        var fallback = Directory.Exists(machineCache)
            ? $"""
                <fallbackPackageFolders>
                  <add key="machine-cache" value="{machineCache}" />
                </fallbackPackageFolders>
              """
            : "";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{PackagesDirectory}" />
              </config>
              <packageSources>
                <add key="zoomevents-test-feed" value="{FeedDirectory}" />
              </packageSources>
            {fallback}
            </configuration>
            """;
    }

    public string PackagePath(string id) => Path.Combine(FeedDirectory, $"{id}.{Version}.nupkg");

    /// <summary>Entry names of a package in the feed (forward slashes, as stored in the zip).</summary>
    public IReadOnlyList<string> PackageEntries(string id)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id));
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public string PackageText(string id, string entry)
    {
        using var zip = ZipFile.OpenRead(PackagePath(id));
        var found = zip.GetEntry(entry) ?? throw new FileNotFoundException($"{entry} is not in {PackagePath(id)}");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Text of every file our generator wrote under obj/ (needs EmitCompilerGeneratedFiles=true).</summary>
    public string GeneratedSources()
    {
        if (!Directory.Exists(GeneratedDirectory))
        {
            return "";
        }
        return string.Join('\n', Directory.EnumerateFiles(GeneratedDirectory, "*.cs", SearchOption.AllDirectories).Order().Select(File.ReadAllText));
    }

    public void Dispose()
    {
        if (System.Environment.GetEnvironmentVariable("ZOOMEVENTS_KEEP_PACKAGE_TEST") == "1")
        {
            return; // left for a person to inspect
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A lingering build process may still hold a file; the OS temp cleaner gets it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
