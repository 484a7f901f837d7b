using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;
using ZoomEvents.Runtime.Tickets;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// A token endpoint that fails means no ticket request left the machine. The registrar must not mistake that for an
/// ambiguous POST (look up every attendee, each lookup starting new token retries) but stop and report "not sent".
/// </summary>
public sealed class TicketRegistrarTokenFailureTests
{
    private sealed record Req(string Email, string ExternalId);

    private sealed record Created(string TicketId, string ExternalId);

    private static List<Req> Attendees(int n) => [.. Enumerable.Range(0, n).Select(i => new Req($"a{i}@example.com", $"ext-{i}"))];

    /// <summary>A registrar that talks to the scripted network through the production pipeline, like the sample does.</summary>
    private static TicketRegistrar<Req, Created, string> HttpRegistrar(TestHost host) => new(
        async (batch, ct) =>
        {
            var json = JsonSerializer.Serialize(new { attendees = batch.Select(b => new { email = b.Email, external_ticket_id = b.ExternalId }) },
                TestJson.Options);
            await host.Client.PostAsync("zoom_events/events/ev1/tickets", json, ct);
            return new TicketBatchResponse<Created, string>([.. batch.Select(b => new Created("t-" + b.ExternalId, b.ExternalId))], []);
        },
        r => r.ExternalId,
        async (id, ct) =>
        {
            await host.Client.GetAsync("zoom_events/events/ev1/tickets?external_ticket_id=" + Uri.EscapeDataString(id), ct);
            return null;
        })
    { RecoveryDelay = TimeSpan.Zero, TimeProvider = host.Time };

    public static TheoryData<string> DeadTokenEndpoints => ["refused", "503"];

    [Theory]
    [MemberData(nameof(DeadTokenEndpoints))]
    public async Task A_dead_token_endpoint_costs_one_round_of_token_retries_and_no_lookups(string failure)
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => failure == "refused"
                ? throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))
                : ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, """{"reason":"down"}"""))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, """{"tickets":[]}""")));

        var result = await host.RunAsync(() => HttpRegistrar(host).RegisterAsync(Attendees(35)), TimeSpan.FromSeconds(1));

        // The token client's own 1 + 4 attempts for the first batch, then the run stops (it was 185 before).
        Assert.Equal(5, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
        Assert.Empty(result.Tickets);
        Assert.Equal(35, result.Failures.Count);
        Assert.All(result.Failures, f =>
        {
            Assert.False(f.OutcomeUnknown);
            Assert.StartsWith("Not sent", f.Reason, StringComparison.Ordinal);
            Assert.Contains("access token", f.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain(TestHost.ClientSecret, f.Reason, StringComparison.Ordinal);
        });
        Assert.IsType<ZoomTokenUnavailableException>(result.Failures[0].Exception);
    }

    [Fact]
    public async Task Rejected_credentials_stop_the_run_after_a_single_token_request()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Json(HttpStatusCode.BadRequest, """{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"""))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        var result = await host.RunAsync(() => HttpRegistrar(host).RegisterAsync(Attendees(65)));

        Assert.Single(host.Handler.RequestsTo("/oauth/token"));
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
        Assert.Equal(65, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.False(f.OutcomeUnknown));
        Assert.Contains("invalid_client", result.Failures[^1].Reason, StringComparison.Ordinal);
        Assert.IsType<ZoomTokenRejectedException>(result.Failures[0].Exception);
    }

    [Fact]
    public async Task A_token_outage_during_recovery_stops_after_one_lookup_and_keeps_the_outcome_unknown()
    {
        var creates = new List<int>();
        var lookups = 0;
        var outage = new ZoomTokenUnavailableException(new Uri("https://zoom.us/oauth/token"), new HttpRequestException("refused"));
        var registrar = new TicketRegistrar<Req, Created, string>(
            (batch, _) =>
            {
                creates.Add(batch.Count);
                // The POST may have reached Zoom: the lookup is the right next step, but it cannot get a token either.
                throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset));
            },
            r => r.ExternalId,
            (_, _) =>
            {
                lookups++;
                throw outage;
            })
        { RecoveryDelay = TimeSpan.Zero };

        var result = await registrar.RegisterAsync(Attendees(40));

        Assert.Equal([30], creates);
        Assert.Equal(1, lookups);
        Assert.Equal(40, result.Failures.Count);
        Assert.All(result.Failures.Take(30), f => Assert.True(f.OutcomeUnknown));
        Assert.All(result.Failures.Skip(30), f =>
        {
            Assert.False(f.OutcomeUnknown);
            Assert.StartsWith("Not sent", f.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Token_failures_are_never_ambiguous_even_when_wrapped()
    {
        var unavailable = new ZoomTokenUnavailableException(new Uri("https://zoom.us/oauth/token"), new TimeoutException("slow"));
        var rejected = new ZoomTokenRejectedException(HttpStatusCode.BadRequest, "Invalid client_id or client_secret");

        Assert.False(TicketRegistrar.IsAmbiguousFailure(unavailable));
        Assert.False(TicketRegistrar.IsAmbiguousFailure(rejected));
        Assert.False(TicketRegistrar.IsAmbiguousFailure(new HttpRequestException("wrapped", unavailable)));
        Assert.True(TicketRegistrar.IsTokenFailure(new InvalidOperationException("wrapped", rejected)));
        Assert.False(TicketRegistrar.IsTokenFailure(new HttpRequestException("reset")));
    }
}
