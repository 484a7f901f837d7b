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

    [Fact]
    public async Task Filters_select_interactions_and_custom_header_values_never_reach_the_output()
    {
        await WritePactAsync();
        await using var provider = await TestProvider.StartAsync();
        var lines = new List<string>();

        var report = await new PactVerifier(Provider, new PactVerifierConfig { Output = lines.Add })
            .WithHttpEndpoint(provider.BaseUri)
            .WithPactFiles([Path.Combine(_dir.Path, $"{Consumer}-{Provider}.json")])
            .WithProviderStateUrl(provider.StateUri, teardown: true)
            .WithFilter(description: "^get an")
            .WithConsumers(Consumer)
            .WithCustomHeader("Authorization", "Bearer very-secret-token")
            .WithRequestTimeout(TimeSpan.FromSeconds(10))
            .VerifyAsync();

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(["get an event"], report.Interactions.Select(i => i.Description));
        Assert.Equal(["Bearer very-secret-token"], provider.AuthorizationHeaders);
        Assert.DoesNotContain(lines, l => l.Contains("very-secret-token", StringComparison.Ordinal));
        Assert.DoesNotContain("very-secret-token", report.RawJson ?? "");
        Assert.DoesNotContain("very-secret-token", report.Output);
        Assert.Contains(provider.StateCalls, c => c.StartsWith("teardown:an event exists", StringComparison.Ordinal));

    }

    /// <summary>
    /// A filter that selects nothing must give a clean, empty run; the same run without that filter is the positive
    /// control proving the interactions are there to be selected (an empty list alone would also come from a broken setup).
    /// </summary>
    [Theory]
    [InlineData("state")]
    [InlineData("consumer")]
    public async Task A_filter_that_selects_nothing_runs_clean_while_the_same_run_without_it_verifies_the_interactions(string filter)
    {
        await WritePactAsync();
        await using var provider = await TestProvider.StartAsync();
        PactVerifier Configure() => new PactVerifier(Provider, new PactVerifierConfig { Output = output.WriteLine })
            .WithHttpEndpoint(provider.BaseUri).WithPactDirectory(_dir.Path).WithProviderStateUrl(provider.StateUri);

        var filtered = await (filter == "state"
            ? Configure().WithFilter(state: "no such state")
            : Configure().WithConsumers("SomeOtherClient")).RunAsync();
        output.WriteLine(filtered.ToString());
        // Nothing was set up or requested: the filter really kept the engine from running any interaction.
        var callsWhileFiltered = (provider.StateCalls.Count, provider.AuthorizationHeaders.Count);
        var unfiltered = await Configure().RunAsync();
        output.WriteLine(unfiltered.ToString());

        Assert.Empty(filtered.Interactions);
        Assert.Equal(0, filtered.ExitCode);
        Assert.True(filtered.Passed, filtered.ToString());
        Assert.Empty(filtered.Failures);
        Assert.Equal((0, 0), callsWhileFiltered);

        // Positive control: both interactions run; the good one passes and only the deliberate break fails.
        Assert.Equal(["get an event", "list ticket types"], unfiltered.Interactions.Select(i => i.Description).Order(StringComparer.Ordinal));
        Assert.True(unfiltered.Interactions.Single(i => i.Description == "get an event").Passed);
        Assert.Contains("list ticket types", Assert.Single(unfiltered.Failures).Interaction);
        Assert.Equal(1, unfiltered.ExitCode);
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_technical_failure_not_a_mismatch()
    {
        await WritePactAsync();
        // A port that was just free: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var report = await new PactVerifier(Provider, new PactVerifierConfig { Output = output.WriteLine, ForwardEngineLogsOnFailure = false })
            .WithHttpEndpoint(new Uri($"http://127.0.0.1:{port}/"))
            .WithPactDirectory(_dir.Path)
            .WithRequestTimeout(TimeSpan.FromSeconds(2))
            .RunAsync();
        output.WriteLine(report.ToString());

        Assert.False(report.Passed);
        Assert.NotEmpty(report.Failures);
        Assert.All(report.Failures, f =>
        {
            Assert.NotNull(f.Error);
            Assert.Empty(f.Mismatches);
        });
    }

    [Fact]
    public async Task Misconfiguration_is_rejected_before_the_engine_runs()
    {
        await Assert.ThrowsAsync<PactException>(() => new PactVerifier(Provider).WithPactDirectory(_dir.Path).RunAsync());
        await Assert.ThrowsAsync<PactException>(() => new PactVerifier(Provider).WithHttpEndpoint(new Uri("http://127.0.0.1:1/")).RunAsync());
        Assert.Throws<FileNotFoundException>(() => new PactVerifier(Provider).WithPactFile(Path.Combine(_dir.Path, "nope.json")));
        Assert.Throws<DirectoryNotFoundException>(() => new PactVerifier(Provider).WithPactDirectory(Path.Combine(_dir.Path, "nope")));
        Assert.Throws<ArgumentException>(() => new PactVerifier(Provider).WithHttpEndpoint(new Uri("ftp://127.0.0.1/")));
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
