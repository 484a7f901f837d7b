using Xunit;
using ZoomEvents.Conformance.Diff;
using ZoomEvents.Conformance.Spec;
using ZoomEvents.Conformance.Tests.Infrastructure;

namespace ZoomEvents.Conformance.Tests;

/// <summary>The baseline selection behind the CI spec-diff gate, exercised in throw-away git repositories.</summary>
public sealed class SpecBaselineTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("conformance-git-").FullName;

    public void Dispose()
    {
        // git marks object files read-only; clear that so the folder can be deleted.
        foreach (var file in Directory.EnumerateFiles(_repo, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(_repo, recursive: true);
    }

    [GitAvailableFact]
    public void Without_a_remote_the_last_committed_spec_is_the_baseline()
    {
        Git("init", "-q", "-b", "main");
        var v1 = Commit(Fixture.Text("mini-zoom-events.yaml"), "v1");
        WriteSpec(Breaking(Fixture.Text("mini-zoom-events.yaml"))); // uncommitted edit

        var baseline = SpecBaseline.Resolve(_repo, explicitRef: null);

        Assert.Null(baseline.SkipReason);
        Assert.Equal(v1, baseline.Commit);
        Assert.Contains("last commit touching the spec", baseline.Description);
        Assert.True(DiffAgainstWorkingTree(baseline).HasBreakingChanges);
    }

    [GitAvailableFact]
    public void With_origin_main_the_branch_point_is_the_baseline_and_an_explicit_ref_wins()
    {
        Git("init", "-q", "-b", "main");
        var v1 = Commit(Fixture.Text("mini-zoom-events.yaml"), "v1");
        Git("update-ref", "refs/remotes/origin/main", v1);
        Git("checkout", "-q", "-b", "feature");
        var v2 = Commit(Breaking(Fixture.Text("mini-zoom-events.yaml")), "v2 removes an enum value");

        var fromRemote = SpecBaseline.Resolve(_repo, explicitRef: null);
        var explicitHead = SpecBaseline.Resolve(_repo, explicitRef: "HEAD");

        Assert.Equal((v1, "merge base of HEAD and origin/main"), (fromRemote.Commit, fromRemote.Description));
        var change = Assert.Single(DiffAgainstWorkingTree(fromRemote).Changes);
        Assert.Equal(("enum-value-removed", true), (change.Rule, change.Breaking));
        Assert.Equal(v2, explicitHead.Commit);
        Assert.Empty(DiffAgainstWorkingTree(explicitHead).Changes);
    }

    [GitAvailableFact]
    public void On_main_itself_a_committed_breaking_change_is_judged_against_the_spec_before_it()
    {
        // A CI clone of main: origin/main is HEAD, so the merge base holds HEAD's own spec.
        Git("init", "-q", "-b", "main");
        var v1 = Commit(Fixture.Text("mini-zoom-events.yaml"), "v1");
        var v2 = Commit(Breaking(Fixture.Text("mini-zoom-events.yaml")), "v2 removes an enum value");
        Git("update-ref", "refs/remotes/origin/main", v2);

        var baseline = SpecBaseline.Resolve(_repo, explicitRef: null);

        Assert.Equal(v1, baseline.Commit);
        Assert.Contains("before its last change", baseline.Description);
        Assert.Contains(v2[..12], baseline.Description);
        var change = Assert.Single(DiffAgainstWorkingTree(baseline).Changes);
        Assert.Equal(("enum-value-removed", true), (change.Rule, change.Breaking));
    }

    [GitAvailableFact]
    public void Outside_a_git_checkout_the_gate_is_skipped_with_a_reason()
    {
        var baseline = SpecBaseline.Resolve(_repo, explicitRef: null);

        Assert.Null(baseline.Commit);
        Assert.Contains("no .git history", baseline.SkipReason);
    }

    [GitAvailableFact]
    public void A_spec_that_is_not_yet_committed_is_skipped_with_a_reason()
    {
        Git("init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(_repo, "README.md"), "no spec yet");
        Git("add", "README.md");
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "readme only");

        var baseline = SpecBaseline.Resolve(_repo, explicitRef: null);

        Assert.NotNull(baseline.SkipReason);
        Assert.Null(baseline.OldText);
    }

    private SpecDiffReport DiffAgainstWorkingTree(SpecBaseline baseline) => SpecDiff.Compare(
        OpenApiSpec.Parse(baseline.OldText!, "base"),
        OpenApiSpec.Load(Path.Combine(_repo, Repository.SpecRelativePath)));

    private static string Breaking(string spec) =>
        spec.Replace("enum: [in-person, virtual, hybrid]", "enum: [in-person, virtual]", StringComparison.Ordinal);

    private void WriteSpec(string text)
    {
        var path = Path.Combine(_repo, Repository.SpecRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Commit(string specText, string message)
    {
        WriteSpec(specText);
        Git("add", Repository.SpecRelativePath);
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "--no-gpg-sign", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    private string Git(params string[] arguments) =>
        Repository.GitIn(_repo, arguments) ?? throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {_repo}");
}
