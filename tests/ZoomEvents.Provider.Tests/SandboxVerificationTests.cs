using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Pact.Pinning;
using ZoomEvents.Pact.Verifier;

namespace ZoomEvents.Provider.Tests;

/// <summary>
/// The committed consumer pacts (<c>contracts/pacts</c>) verified against the sandbox with the Pact verifier: real
/// HTTP requests to the sandbox on a loopback port, provider states set up before each interaction and reset after.
/// </summary>
public sealed class SandboxVerificationTests(SandboxProvider provider, ITestOutputHelper output) : IClassFixture<SandboxProvider>
{
    private const string ProviderName = "ZoomEvents";

    private static string PactDirectory { get; } = Path.Combine(PactFiles.FindRepositoryRoot(), "contracts", "pacts");

    [Fact]
    public async Task Every_committed_interaction_passes_against_the_sandbox()
    {
        var pactFiles = Directory.GetFiles(PactDirectory, "*.json");
        Assert.NotEmpty(pactFiles);
        var expected = pactFiles.Sum(f => PactFiles.Read(f)["interactions"]!.AsArray().Count);

        // The directory as users point at it, README.md beside the pacts included.
        var report = await Verifier()
            .WithPactDirectory(PactDirectory)
            .RunAsync();

        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        // All of them, not a filtered subset: a pact nobody verifies is half a contract.
        Assert.Equal(expected, report.Interactions.Count);
        Assert.All(report.Interactions, i => Assert.True(i.Passed, i.Description));
        // The 429 interaction needs the sandbox's rate-limit state; it must have run, not been skipped.
        Assert.Contains(report.Interactions, i => i.Passed && i.ProviderStates.Contains("the per-second rate limit is exhausted"));
    }

    /// <summary>
    /// The verification above is only worth something if it can fail: the same pact with the created event's status
    /// changed from DRAFT to PUBLISHED must be rejected, naming the field.
    /// </summary>
    [Fact]
    public async Task A_response_the_sandbox_does_not_give_fails_verification_naming_the_field()
    {
        var pact = PactFiles.Read(Directory.GetFiles(PactDirectory, "*.json").Single());
        var create = pact["interactions"]!.AsArray()
            .Single(i => ((string?)i!["description"])!.StartsWith("a request to create the tutorial's", StringComparison.Ordinal))!;
        create["response"]!["body"]!["content"]!["status"] = "PUBLISHED";
        var dir = Directory.CreateTempSubdirectory("zoomevents-provider-tests-");
        try
        {
            var file = Path.Combine(dir.FullName, "altered.json");
            await File.WriteAllTextAsync(file, pact.ToJsonString());

            var report = await Verifier(expectFailure: true)
                .WithPactFile(file)
                .WithFilter(description: "^a request to create the tutorial's")
                .RunAsync();

            Expected(report.ToString());
            Assert.False(report.Passed);
            Assert.Equal(1, report.ExitCode);
            var failure = Assert.Single(report.Failures);
            Assert.Contains(failure.Mismatches, m => m.Location == "$.status");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The pacts carry the consumer's test token; the sandbox accepts only tokens it issued. So the passing run above
    /// really depends on the verifier replacing the header with the sandbox's token — without it, 401.
    /// </summary>
    [Fact]
    public async Task Without_the_sandboxs_token_the_interactions_are_rejected_with_401()
    {
        var report = await Verifier(authorize: false, expectFailure: true)
            .WithPactFiles(Directory.GetFiles(PactDirectory, "*.json"))
            .WithFilter(description: "^a request to list the hubs")
            .RunAsync();

        Expected(report.ToString());
        Assert.False(report.Passed);
        var failure = Assert.Single(report.Failures);
        Assert.Contains(failure.Mismatches, m => m.Type == "StatusMismatch" && m.Actual == "401");
    }

    // The negative tests' engine output contains [FAIL] lines on purpose; every line of it is marked so a CI log reader
    // does not mistake a passing test's evidence for a failure.
    private void Expected(string text)
    {
        foreach (var line in text.Split('\n')) output.WriteLine("(expected failure) " + line.TrimEnd('\r'));
    }

    private PactVerifier Verifier(bool authorize = true, bool expectFailure = false)
    {
        Action<string> write = expectFailure ? Expected : output.WriteLine;
        var verifier = new PactVerifier(ProviderName, new PactVerifierConfig { Output = write })
            .WithHttpEndpoint(provider.Sandbox.BaseUri)
            // Teardown resets the sandbox (data and faults), so every interaction starts from the seeded state.
            .WithProviderStateUrl(provider.Sandbox.ProviderStatesUrl, teardown: true)
            .WithRequestTimeout(TimeSpan.FromSeconds(10));
        // The pacts match any bearer token; the sandbox only accepts its own, so every request carries a real one.
        return authorize ? verifier.WithCustomHeader("Authorization", "Bearer " + provider.AccessToken) : verifier;
    }
}
