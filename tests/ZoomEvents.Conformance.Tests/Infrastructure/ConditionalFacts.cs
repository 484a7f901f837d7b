using Xunit;
using ZoomEvents.Conformance.Pacts;

namespace ZoomEvents.Conformance.Tests.Infrastructure;

/// <summary>
/// xunit 2 has no runtime skip, so these facts decide at discovery time: when the precondition is missing they carry a
/// Skip reason, which test runners report next to the test (never a silent pass).
/// </summary>
public sealed class CommittedPactsFactAttribute : FactAttribute
{
    public CommittedPactsFactAttribute()
    {
        if (CommittedPacts.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Runs only where git history for the spec is available; see <see cref="SpecBaseline"/>.</summary>
public sealed class SpecBaselineFactAttribute : FactAttribute
{
    public SpecBaselineFactAttribute()
    {
        if (SpecBaseline.Current.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Runs only where a git executable is on the PATH.</summary>
public sealed class GitAvailableFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() => Repository.GitIn(Path.GetTempPath(), "--version") is not null);

    public GitAvailableFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "git is not installed, so the baseline selection cannot be exercised.";
        }
    }
}

internal static class CommittedPacts
{
    private static readonly Lazy<IReadOnlyList<string>> FilesLazy = new(() =>
    {
        var folder = Repository.FullPath(Repository.PactsRelativePath);
        return folder is not null && Directory.Exists(folder) ? PactFile.Discover(folder) : [];
    });

    public static IReadOnlyList<string> Files => FilesLazy.Value;

    public static string? SkipReason =>
        Repository.Root is null ? "Not running inside the repository (no CodeGen.sln above the test output), so there are no committed pacts to check."
        : Files.Count == 0 ? $"No pact files in {Repository.PactsRelativePath}/ yet; this test checks them against the contract as soon as the first one is committed."
        : null;
}

/// <summary>The spec version a change is judged against, and why that one.</summary>
internal sealed record SpecBaseline(string? Commit, string? Description, string? OldText, string? SkipReason)
{
    private static readonly Lazy<SpecBaseline> CurrentLazy = new(() => Repository.Root is null
        ? Skipped("Not running inside the repository (no CodeGen.sln above the test output).")
        : Resolve(Repository.Root, Environment.GetEnvironmentVariable("CONFORMANCE_BASE_REF")));

    public static SpecBaseline Current => CurrentLazy.Value;

    /// <summary>Picks the base version of the spec in the git checkout at <paramref name="root"/>.</summary>
    public static SpecBaseline Resolve(string root, string? explicitRef)
    {
        string? Git(params string[] arguments) => Repository.GitIn(root, arguments);
        bool SameSpec(string a, string b) =>
            Git("rev-parse", $"{a}:{Repository.SpecRelativePath}")?.Trim() is { Length: > 0 } blob
            && blob == Git("rev-parse", $"{b}:{Repository.SpecRelativePath}")?.Trim();

        if (Git("rev-parse", "--is-inside-work-tree")?.Trim() != "true")
        {
            return Skipped("git is not available or the checkout has no .git history, so there is no earlier spec to diff against.");
        }

        // An explicit base (e.g. the pull request target in CI) wins; then the branch point from origin/main;
        // without a remote, the last committed version, which still catches breaking edits before they are committed.
        string? commit = null;
        string? description = null;
        if (!string.IsNullOrWhiteSpace(explicitRef))
        {
            commit = Git("merge-base", "HEAD", explicitRef)?.Trim();
            description = $"merge base of HEAD and {explicitRef} (CONFORMANCE_BASE_REF)";
        }
        else if (Git("rev-parse", "--verify", "--quiet", "origin/main") is not null)
        {
            commit = Git("merge-base", "HEAD", "origin/main")?.Trim();
            description = "merge base of HEAD and origin/main";
        }
        else
        {
            commit = Git("log", "-1", "--format=%H", "--", Repository.SpecRelativePath)?.Trim();
            description = "last commit touching the spec (no origin/main remote)";
        }

        if (string.IsNullOrEmpty(commit))
        {
            return Skipped($"Could not determine a base commit ({description}); shallow clone or unrelated history?");
        }

        // On main itself (a CI clone: origin/main is HEAD) or without a remote, the base holds the very spec HEAD has,
        // so the gate would compare a committed breaking change with itself. Judge the spec's last change instead.
        // An explicit base is taken as given.
        if (string.IsNullOrWhiteSpace(explicitRef) && SameSpec(commit, "HEAD")
            && Git("log", "-1", "--format=%H", "--", Repository.SpecRelativePath)?.Trim() is { Length: > 0 } lastChange
            && Git("rev-parse", "--verify", "--quiet", lastChange + "^")?.Trim() is { Length: > 0 } beforeLastChange
            && Git("cat-file", "-e", $"{beforeLastChange}:{Repository.SpecRelativePath}") is not null)
        {
            commit = beforeLastChange;
            description += $"; it holds HEAD's spec, so the spec before its last change ({lastChange[..Math.Min(12, lastChange.Length)]}) is the base";
        }

        var oldText = Git("show", $"{commit}:{Repository.SpecRelativePath}");
        return oldText is null
            ? Skipped($"The spec does not exist at the base commit {commit[..Math.Min(12, commit.Length)]} ({description}); nothing to compare yet.")
            : new SpecBaseline(commit, description, oldText, null);
    }

    private static SpecBaseline Skipped(string reason) => new(null, null, null, reason);
}
