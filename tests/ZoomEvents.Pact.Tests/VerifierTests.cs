using System.Net.Http.Json;
using ZoomEvents.Pact.Verifier;
using Xunit;
using Xunit.Abstractions;

namespace ZoomEvents.Pact.Tests;

public sealed class VerifierTests(ITestOutputHelper output) : IDisposable
{
    private const string Consumer = "VerifierTestClient";
    private const string Provider = "VerifierTestProvider";
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Reports_the_broken_interaction_and_passes_the_good_one()
    {
        await WritePactAsync();
        await using var provider = await TestProvider.StartAsync();
        var lines = new List<string>();

        var report = await new PactVerifier(Provider, new PactVerifierConfig { Output = l => { lines.Add(l); output.WriteLine(l); } })
            .WithHttpEndpoint(provider.BaseUri)
            .WithPactDirectory(_dir.Path)
            .WithProviderStateUrl(provider.StateUri)
            .RunAsync();
        output.WriteLine(report.RawJson ?? "(no json)");
        output.WriteLine(report.ToString());

        Assert.False(report.Passed);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(2, report.Interactions.Count);
        var good = report.Interactions.Single(i => i.Description == "get an event");
        Assert.True(good.Passed);
        Assert.NotNull(good.Duration);
        Assert.Equal(["an event exists"], good.ProviderStates);
        Assert.False(report.Interactions.Single(i => i.Description == "list ticket types").Passed);
        var failure = Assert.Single(report.Failures);
        Assert.Contains("list ticket types", failure.Interaction);
        var mismatch = Assert.Single(failure.Mismatches);
        Assert.Equal("$.ticket_types[0].name", mismatch.Location);
        Assert.Contains("Verifying a pact between", string.Join("\n", lines));
        Assert.Contains(provider.StateCalls, c => c.StartsWith("setup:an event exists:", StringComparison.Ordinal) && c.Contains("\"eventId\":\"evt_1234567890\""));

        var thrown = await Assert.ThrowsAsync<PactVerificationFailedException>(() => new PactVerifier(Provider)
            .WithHttpEndpoint(provider.BaseUri).WithPactDirectory(_dir.Path).WithProviderStateUrl(provider.StateUri).VerifyAsync());
        Assert.Contains("$.ticket_types[0].name", thrown.Message);
    }

    private async Task WritePactAsync()
    {
        using var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = _dir.Path });
        pact.UponReceiving("get an event")
            .Given("an event exists", new { eventId = "evt_1234567890" })
            .WithRequest(HttpMethod.Get, "/v2/zoom_events/events/evt_1234567890")
            .WillRespond().WithStatus(200)
            .WithJsonBody(new { event_id = "evt_1234567890", name = Match.Type("Launch"), start_time = Match.DateTime(Match.UtcDateTimeFormat, "2026-03-01T10:00:00Z") });
        pact.UponReceiving("list ticket types")
            .Given("an event exists", new { eventId = "evt_1234567890" })
            .WithRequest(HttpMethod.Get, "/v2/zoom_events/events/evt_1234567890/ticket_types")
            .WillRespond().WithStatus(200)
            .WithJsonBody(new { ticket_types = Match.EachLike(new { id = Match.Regex("tt_1234567890", "^[A-Za-z0-9_-]{10,}$"), name = Match.Type("General") }) });
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await http.GetAsync("v2/zoom_events/events/evt_1234567890")).EnsureSuccessStatusCode();
            (await http.GetAsync("v2/zoom_events/events/evt_1234567890/ticket_types")).EnsureSuccessStatusCode();
        });
    }

    public void Dispose() => _dir.Dispose();
}
