using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace ZoomEvents.Pact.Tests;

/// <summary>The build's fetch script fails clearly and installs nothing when npm is missing or the checksum differs.</summary>
public sealed class EngineFetchTests(ITestOutputHelper output) : IDisposable
{
    private const string Package = "@pact-foundation/pact-core-linux-x64-glibc";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private readonly TempDir _dir = new();

    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{Path.Combine(parts)} not found above {AppContext.BaseDirectory}");
    }

    private static string Script => RepoFile("contracts", "pact-native", "fetch-pact-native.sh");

    private static string PinnedVersion()
    {
        var targets = File.ReadAllText(RepoFile("contracts", "pact-native", "pact-native.targets"));
        var match = System.Text.RegularExpressions.Regex.Match(targets, "<PactCoreVersion>([^<]+)</PactCoreVersion>");
        Assert.True(match.Success, "PactCoreVersion not found in pact-native.targets");
        return match.Groups[1].Value;
    }

    private (int ExitCode, string Stderr) RunScript(string destination, string shaFile, string? path = null)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Script, destination, Package, PinnedVersion(), shaFile })
        {
            start.ArgumentList.Add(arg);
        }
        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // A hung npm (registry lock, proxy prompt) must fail this test, not stall the whole run until CI's limit.
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"fetch-pact-native.sh did not finish within {ScriptTimeout.TotalSeconds:0} s; stderr so far:\n{stderr.Result}");
        }

        output.WriteLine(stdout.Result);
        output.WriteLine(stderr.Result);
        return (process.ExitCode, stderr.Result);
    }

    [Fact]
    public void Missing_npm_is_reported_with_its_own_exit_code()
    {
        // A PATH with the tools the script needs, but no npm.
        var bin = Path.Combine(_dir.Path, "bin");
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "bash", "flock", "sha256sum", "tar", "mktemp", "awk", "cat", "find", "mkdir", "rm", "mv", "touch", "basename" })
        {
            var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            Assert.NotNull(real);
            File.CreateSymbolicLink(Path.Combine(bin, tool), real);
        }
        var destination = Path.Combine(_dir.Path, "native");

        var (exitCode, stderr) = RunScript(destination, RepoFile("contracts", "pact-native", "pact-core.sha256"), path: bin);

        Assert.Equal(10, exitCode);
        Assert.Contains("npm is not on PATH", stderr);
        Assert.False(File.Exists(Path.Combine(destination, "libpact_ffi.so")));
    }

    [Fact]
    public void A_checksum_mismatch_installs_nothing()
    {
        var badSha = Path.Combine(_dir.Path, "bad.sha256");
        File.WriteAllText(badSha, new string('0', 64) + "  some.tgz\n");
        var destination = Path.Combine(_dir.Path, "native");

        var (exitCode, stderr) = RunScript(destination, badSha);

        Assert.True(exitCode == 13, $"expected exit 13 (checksum mismatch), got {exitCode}: {stderr}");
        Assert.Contains("expects 0000", stderr);
        Assert.Empty(Directory.GetFiles(destination, "*.so"));
        Assert.Empty(Directory.GetDirectories(destination)); // the work folder was cleaned up
    }

    [Fact]
    public void A_malformed_checksum_file_is_rejected_before_any_download()
    {
        var badSha = Path.Combine(_dir.Path, "malformed.sha256");
        File.WriteAllText(badSha, "not-a-digest\n");
        var (exitCode, stderr) = RunScript(Path.Combine(_dir.Path, "native"), badSha);
        Assert.Equal(12, exitCode);
        Assert.Contains("sha256", stderr);
    }

    public void Dispose() => _dir.Dispose();
}
