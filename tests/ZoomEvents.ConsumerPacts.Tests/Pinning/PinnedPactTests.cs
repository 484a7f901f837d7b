using Xunit;
using Xunit.Abstractions;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Scenarios;
using ZoomEvents.Pact;
using ZoomEvents.Pact.Pinning;
using PactDsl = ZoomEvents.Pact.Pact;

namespace ZoomEvents.ConsumerPacts.Tests.Pinning;

/// <summary>
/// The committed pact (<c>contracts/pacts/ZoomEventsClient-ZoomEvents.json</c>) is the reviewed record of what the
/// generated client sends and expects. These tests keep it exact, and prove that a drifting client is caught.
/// </summary>
public sealed class PinnedPactTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "zoomevents-consumer-pacts", Guid.NewGuid().ToString("N"));

    private static IEnumerable<PactScenario> AllScenarios =>
        EventScenarios.All.Concat(RegistrationScenarios.All).Concat(TicketScenarios.All);

    /// <summary>
    /// Every scenario, run into one fresh file, must equal the committed pact as a whole: a changed, added or removed
    /// interaction fails here (the per-test pin checks cannot see removals). With <c>PACT_PINS_UPDATE=1</c> this test
    /// rewrites the committed file instead, from this complete run.
    /// </summary>
    [Fact]
    public async Task The_committed_pact_is_exactly_what_the_scenarios_produce()
    {
        foreach (var scenario in AllScenarios)
        {
            output.WriteLine($"scenario: {scenario.Name}");
            await scenario.RunAsync(ScratchPact());
        }

        var produced = Path.Combine(_scratch, $"{ZoomPact.Consumer}-{ZoomPact.Provider}.json");
        var pact = PactFiles.Read(produced);
        Assert.Equal("4.0", (string?)pact["metadata"]?["pactSpecification"]?["version"]);
        Assert.Equal(AllScenarios.Count(), pact["interactions"]!.AsArray().Count);

        PactPinning.AssertMatchesPinned(produced, ZoomPact.PinnedFile);
        output.WriteLine(PactPinning.UpdateRequested
            ? $"pins refreshed: {ZoomPact.PinnedFile} (review the diff before committing)"
            : $"{ZoomPact.PinnedFile} matches this run");
    }

    /// <summary>
    /// The "deliberately wrong client": the generated client sending <c>allSessions</c> instead of
    /// <c>all_sessions</c>. The mock server rejects the request, and the failure names the field and both values.
    /// </summary>
    [Fact]
    public async Task A_client_sending_allSessions_fails_with_a_message_naming_the_field()
    {
        var pact = ScratchPact();
        RegistrationScenarios.DescribeCreateLink(pact, "all_sessions");

        var failure = await Assert.ThrowsAsync<PactMismatchException>(() => pact.VerifyAsync(async context =>
        {
            await using var client = ZoomPact.Client(context);
            await client.Zoom.EventAccess.CreateEventAccessLinkAsync(Wire.EventId, RegistrationScenarios.LinkRequest("all_sessions", wireOption: "allSessions"));
        }));

        output.WriteLine(failure.Message);
        Assert.Contains("$.recurring_registration_option", failure.Message);
        Assert.Contains("\"all_sessions\"", failure.Message);
        Assert.Contains("\"allSessions\"", failure.Message);
        // Nothing is written for a failed run, so the wrong body can never reach a pact file.
        Assert.False(File.Exists(pact.PactFilePath));
    }

    /// <summary>
    /// The other half: if someone "fixes" the failing test above by changing the expectation instead of the client, the
    /// new interaction no longer equals the committed one, and the pin check names the changed path.
    /// </summary>
    [Fact]
    public async Task Changing_the_expected_body_instead_of_the_client_fails_the_pin_check()
    {
        var pact = PactDsl.V4(ZoomPact.Consumer, ZoomPact.Provider, new PactConfig
        {
            PactDir = _scratch,
            PinnedPactDir = ZoomPact.PinnedDirectory,
            UpdatePins = false, // never rewrite the committed pact from a deliberately wrong run
            Output = output.WriteLine,
        });
        RegistrationScenarios.DescribeCreateLink(pact, "all_sessions", wireOption: "allSessions");

        var failure = await Assert.ThrowsAsync<PactPinningException>(() => pact.VerifyAsync(async context =>
        {
            await using var client = ZoomPact.Client(context);
            await client.Zoom.EventAccess.CreateEventAccessLinkAsync(Wire.EventId, RegistrationScenarios.LinkRequest("all_sessions", wireOption: "allSessions"));
        }));

        output.WriteLine(failure.Message);
        Assert.Contains("$.request.body.content.recurring_registration_option: pinned \"all_sessions\", produced \"allSessions\"", failure.Message);
        Assert.Contains(PactPinning.UpdateVariable, failure.Message);
    }

    private PactV4 ScratchPact() => PactDsl.V4(ZoomPact.Consumer, ZoomPact.Provider, new PactConfig
    {
        PactDir = _scratch,
        Output = output.WriteLine,
    });

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The wrong-client test never writes a file, so there may be nothing to delete.
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
