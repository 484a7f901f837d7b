using System.ComponentModel;
using System.Diagnostics;

namespace ZoomEvents.Conformance.Tests.Infrastructure;

/// <summary>Finds the repository the tests were built from, and runs git in it.</summary>
internal static class Repository
{
    public const string SpecRelativePath = "contracts/zoom-events.openapi.yaml";
    public const string PactsRelativePath = "contracts/pacts";

    private static readonly Lazy<string?> RootLazy = new(FindRoot);

    /// <summary>The folder holding CodeGen.sln, or null when the tests run outside a checkout.</summary>
    public static string? Root => RootLazy.Value;

    public static string? FullPath(string relative) => Root is null ? null : Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CodeGen.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Runs git in the repository root; null when git is missing, times out, or exits non-zero.</summary>
    public static string? Git(params string[] arguments) => Root is null ? null : GitIn(Root, arguments);

    /// <summary>Runs git in <paramref name="workingDirectory"/>; null when git is missing, times out, or exits non-zero.</summary>
    public static string? GitIn(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            Task.WaitAll(stdout, stderr);
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
