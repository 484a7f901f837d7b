using System.Net;
using System.Net.Sockets;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;
using ZoomEvents.Runtime.Tickets;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// Once the caller cancels, whatever exception the transport throws next (an aborted socket is an
/// HttpRequestException, not an OperationCanceledException), the run ends with its partial result.
/// </summary>
public sealed class TicketRegistrarCancellationTests
{
    private sealed record Req(string Email, string? ExternalId);

    private sealed record Created(string TicketId, string ExternalId);

    private static List<Req> Attendees(int n) => [.. Enumerable.Range(0, n).Select(i => new Req($"a{i}@example.com", $"ext-{i}"))];

    private static HttpRequestException Aborted() => new("aborted", new SocketException((int)SocketError.OperationAborted));

    [Fact]
    public async Task A_post_failing_with_a_transport_error_after_cancel_ends_in_the_canceled_exception()
    {
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            async (batch, _) =>
            {
                if (++calls == 2)
                {
                    await cts.CancelAsync();
                    throw Aborted();
                }

                return new([.. batch.Select(r => new Created("t-" + r.ExternalId, r.ExternalId!))], []);
            },
            r => r.ExternalId,
            (_, _) => Task.FromResult<Created?>(null))
        { RecoveryDelay = TimeSpan.Zero };

        var canceled = await Assert.ThrowsAsync<TicketRegistrationCanceledException<Req, Created, string>>(
            () => registrar.RegisterAsync(Attendees(70), cts.Token));

        var partial = canceled.PartialResult;
        Assert.Equal(30, partial.Tickets.Count);
        Assert.Equal(40, partial.Failures.Count);
        Assert.All(partial.Failures.Take(30), f => Assert.True(f.OutcomeUnknown));
        Assert.All(partial.Failures.Skip(30), f => Assert.StartsWith("Not sent", f.Reason, StringComparison.Ordinal));
        Assert.IsType<HttpRequestException>(canceled.InnerException);
    }

    [Fact]
    public async Task A_recovery_lookup_failing_with_a_transport_error_after_cancel_keeps_the_partial_result()
    {
        using var cts = new CancellationTokenSource();
        var lookups = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            (_, _) => throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)),
            r => r.ExternalId,
            async (id, _) =>
            {
                if (++lookups == 1)
                {
                    return new Created("t-" + id, id);
                }

                await cts.CancelAsync();
                throw Aborted();
            })
        { RecoveryDelay = TimeSpan.Zero };

        var canceled = await Assert.ThrowsAsync<TicketRegistrationCanceledException<Req, Created, string>>(
            () => registrar.RegisterAsync(Attendees(4), cts.Token));

        var partial = canceled.PartialResult;
        Assert.Equal("ext-0", Assert.Single(partial.Tickets).ExternalId);
        Assert.Equal(["ext-1", "ext-2", "ext-3"], partial.Failures.Select(f => f.Request.ExternalId));
        Assert.All(partial.Failures, f => Assert.True(f.OutcomeUnknown));
    }

    [Fact]
    public async Task Cancelling_while_the_post_waits_for_its_token_marks_the_batch_not_sent()
    {
        using var cts = new CancellationTokenSource();
        var api = new ScriptedHandler().On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.Created, "{}"));
        var tokens = new CallBudgetTests.HangingProvider(cts);
        using var http = new HttpClient(new ZoomTokenPrefetchHandler(tokens, TimeSpan.FromMinutes(1), TimeProvider.System)
        {
            InnerHandler = new ZoomAuthenticationHandler(tokens) { InnerHandler = api },
        });
        var registrar = new TicketRegistrar<Req, Created, string>(
            async (batch, ct) =>
            {
                using var response = await http.PostAsync(new Uri("https://api.zoom.us/v2/zoom_events/events/e1/tickets"), null, ct);
                return new([], []);
            },
            r => r.ExternalId,
            (_, _) => Task.FromResult<Created?>(null))
        { RecoveryDelay = TimeSpan.Zero };

        var canceled = await Assert.ThrowsAsync<TicketRegistrationCanceledException<Req, Created, string>>(
            () => registrar.RegisterAsync(Attendees(35), cts.Token));

        Assert.Empty(api.Requests);
        Assert.Equal(35, canceled.PartialResult.Failures.Count);
        Assert.All(canceled.PartialResult.Failures, f =>
        {
            Assert.False(f.OutcomeUnknown);
            Assert.StartsWith("Not sent", f.Reason, StringComparison.Ordinal);
        });
    }
}
