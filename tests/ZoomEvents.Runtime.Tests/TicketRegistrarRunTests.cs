using System.Net.Sockets;
using ZoomEvents.Runtime.Tickets;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// A registration run must never lose what it achieved (cancellation, an unexpected exception), and the ids it assigns
/// must be the same in every run so a re-run can find what an earlier one created.
/// </summary>
public sealed class TicketRegistrarRunTests
{
    private sealed record Req(string Email, string? ExternalId, IReadOnlyList<string>? SessionIds = null);

    private sealed record Created(string TicketId, string ExternalId);

    private static List<Req> Attendees(int n) => [.. Enumerable.Range(0, n).Select(i => new Req($"a{i}@example.com", $"ext-{i}"))];

    private static TicketBatchResponse<Created, string> AllCreated(IReadOnlyList<Req> batch) =>
        new([.. batch.Select(r => new Created("t-" + r.ExternalId, r.ExternalId!))], []);

    [Fact]
    public void Derived_ids_depend_on_event_email_and_the_set_of_sessions_only()
    {
        var id = TicketRegistrar.DeriveExternalTicketId("ev1", "Ann@Example.com", ["s2", "s1"]);

        Assert.Matches("^zer-[0-9a-f]{32}$", id);
        Assert.Equal(id, TicketRegistrar.DeriveExternalTicketId("ev1", "  ann@example.com ", ["s1", "s2", "s1"]));
        Assert.NotEqual(id, TicketRegistrar.DeriveExternalTicketId("ev2", "ann@example.com", ["s1", "s2"]));
        Assert.NotEqual(id, TicketRegistrar.DeriveExternalTicketId("ev1", "ann@example.com", ["s1"]));
        Assert.NotEqual(id, TicketRegistrar.DeriveExternalTicketId("ev1", "bob@example.com", ["s1", "s2"]));
        // Parts are length-prefixed, so moving characters between them changes the id.
        Assert.NotEqual(
            TicketRegistrar.DeriveExternalTicketId("ev1a", "b@example.com"),
            TicketRegistrar.DeriveExternalTicketId("ev1", "ab@example.com"));
        Assert.Throws<ArgumentException>(() => TicketRegistrar.DeriveExternalTicketId("ev1", " "));
    }

    [Fact]
    public async Task Two_runs_over_the_same_attendees_assign_the_same_ids()
    {
        var input = new List<Req>
        {
            new("ann@example.com", null, ["s1"]),
            new("ann@example.com", null, ["s2"]), // single_session: one ticket per session, one id each
            new("bob@example.com", null),
        };

        async Task<string[]> RunOnce()
        {
            var sent = new List<string>();
            var registrar = new TicketRegistrar<Req, Created, string>(
                (batch, _) =>
                {
                    sent.AddRange(batch.Select(r => r.ExternalId!));
                    return Task.FromResult(AllCreated(batch));
                },
                r => r.ExternalId,
                (_, _) => Task.FromResult<Created?>(null))
            {
                AssignExternalTicketId = (r, id) => r with { ExternalId = id },
                ComputeExternalTicketId = r => TicketRegistrar.DeriveExternalTicketId("ev1", r.Email, r.SessionIds),
            };
            var result = await registrar.RegisterAsync(input);
            Assert.True(result.IsComplete);
            return [.. sent];
        }

        var first = await RunOnce();
        var second = await RunOnce();

        Assert.Equal(first, second);
        Assert.Equal(3, first.Distinct().Count());
    }

    [Fact]
    public async Task Assigning_ids_without_a_deterministic_source_is_refused_before_anything_is_sent()
    {
        var sent = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            (batch, _) =>
            {
                sent++;
                return Task.FromResult(AllCreated(batch));
            },
            r => r.ExternalId,
            (_, _) => Task.FromResult<Created?>(null))
        { AssignExternalTicketId = (r, id) => r with { ExternalId = id } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => registrar.RegisterAsync([new Req("x@example.com", null)]));

        Assert.Equal(0, sent);
        Assert.Contains("ComputeExternalTicketId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_a_post_keeps_finished_batches_and_marks_the_one_in_flight_unknown()
    {
        using var cts = new CancellationTokenSource();
        var calls = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            async (batch, ct) =>
            {
                if (++calls == 2)
                {
                    // The second POST is on the wire when the caller gives up.
                    await cts.CancelAsync();
                    ct.ThrowIfCancellationRequested();
                }

                return AllCreated(batch);
            },
            r => r.ExternalId,
            (_, _) => Task.FromResult<Created?>(null))
        { RecoveryDelay = TimeSpan.Zero };

        OperationCanceledException canceled = await Assert.ThrowsAsync<TicketRegistrationCanceledException<Req, Created, string>>(
            () => registrar.RegisterAsync(Attendees(75), cts.Token));

        var partial = ((TicketRegistrationCanceledException<Req, Created, string>)canceled).PartialResult;
        Assert.Equal(cts.Token, canceled.CancellationToken);
        Assert.Equal(2, calls);
        Assert.Equal(30, partial.Tickets.Count);
        Assert.Equal(45, partial.Failures.Count);
        Assert.All(partial.Failures.Take(30), f => Assert.True(f.OutcomeUnknown));
        Assert.All(partial.Failures.Skip(30), f =>
        {
            Assert.False(f.OutcomeUnknown);
            Assert.StartsWith("Not sent", f.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(3, partial.BatchCount);
    }

    [Fact]
    public async Task Cancelling_during_recovery_keeps_what_the_lookups_found()
    {
        using var cts = new CancellationTokenSource();
        var lookups = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            (_, _) => throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)),
            r => r.ExternalId,
            async (id, ct) =>
            {
                switch (++lookups)
                {
                    case 1:
                        return new Created("t-" + id, id);
                    case 2:
                        return null;
                    default:
                        await cts.CancelAsync();
                        ct.ThrowIfCancellationRequested();
                        return null;
                }
            })
        { RecoveryDelay = TimeSpan.Zero };

        var canceled = await Assert.ThrowsAsync<TicketRegistrationCanceledException<Req, Created, string>>(
            () => registrar.RegisterAsync(Attendees(5), cts.Token));

        var partial = canceled.PartialResult;
        Assert.Equal("ext-0", Assert.Single(partial.Tickets).ExternalId);
        Assert.Equal(1, partial.RecoveredCount);
        // ext-1 was not found yet (it could still appear), ext-2 was being looked up, ext-3/4 not checked: all unknown.
        Assert.Equal(["ext-1", "ext-2", "ext-3", "ext-4"], partial.Failures.Select(f => f.Request.ExternalId));
        Assert.All(partial.Failures, f => Assert.True(f.OutcomeUnknown));
    }

    [Fact]
    public async Task An_unexpected_exception_ends_the_run_with_a_result_instead_of_losing_it()
    {
        var calls = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            (batch, _) => ++calls == 2 ? throw new InvalidOperationException("mapping bug") : Task.FromResult(AllCreated(batch)),
            r => r.ExternalId,
            (_, _) => Task.FromResult<Created?>(null))
        { RecoveryDelay = TimeSpan.Zero };

        var result = await registrar.RegisterAsync(Attendees(70));

        Assert.Equal(2, calls);
        Assert.Equal(30, result.Tickets.Count);
        Assert.Equal(40, result.Failures.Count);
        Assert.All(result.Failures.Take(30), f =>
        {
            Assert.True(f.OutcomeUnknown);
            Assert.IsType<InvalidOperationException>(f.Exception);
        });
        Assert.All(result.Failures.Skip(30), f => Assert.StartsWith("Not sent", f.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_with_derived_ids_finds_what_the_first_run_created_and_sends_nothing_twice()
    {
        // A fake Zoom: tickets keyed by external_ticket_id, created by POST, found by the lookup.
        var zoom = new Dictionary<string, Created>(StringComparer.Ordinal);
        var posted = 0;
        TicketRegistrar<Req, Created, string> NewRegistrar() => new(
            (batch, _) =>
            {
                posted += batch.Count;
                var response = AllCreated(batch);
                foreach (var t in response.Tickets!)
                {
                    zoom[t.ExternalId] = t;
                }

                return Task.FromResult(response);
            },
            r => r.ExternalId,
            (id, _) => Task.FromResult(zoom.GetValueOrDefault(id)))
        {
            AssignExternalTicketId = (r, id) => r with { ExternalId = id },
            ComputeExternalTicketId = r => TicketRegistrar.DeriveExternalTicketId("ev1", r.Email, r.SessionIds),
        };
        List<Req> input = [new("ann@example.com", null), new("bob@example.com", null)];

        var first = await NewRegistrar().RegisterAsync(input);
        var second = await NewRegistrar().RegisterAsync([.. input, new Req("cy@example.com", null)]);

        Assert.Equal(0, first.AlreadyExistingCount);
        Assert.Equal(2, second.AlreadyExistingCount);
        Assert.True(second.IsComplete);
        Assert.Equal(3, second.Tickets.Count);
        Assert.Equal(3, posted); // ann and bob once, cy once
        Assert.Equal(3, zoom.Count);
    }

    [Fact]
    public async Task Looking_up_before_sending_can_be_switched_off_and_a_failed_lookup_sends_nothing_blind()
    {
        var posted = new List<string>();
        var registrar = new TicketRegistrar<Req, Created, string>(
            (batch, _) =>
            {
                posted.AddRange(batch.Select(r => r.ExternalId!));
                return Task.FromResult(AllCreated(batch));
            },
            r => r.ExternalId,
            (id, _) => id == "ext-1" ? throw new HttpRequestException("reset") : Task.FromResult<Created?>(null))
        { LookUpBeforeSending = true };

        var result = await registrar.RegisterAsync(Attendees(3));

        Assert.Equal(["ext-0", "ext-2"], posted);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("ext-1", failure.Request.ExternalId);
        Assert.True(failure.OutcomeUnknown);
        Assert.StartsWith("Not sent", failure.Reason, StringComparison.Ordinal);

        posted.Clear();
        var off = new TicketRegistrar<Req, Created, string>(
            (batch, _) =>
            {
                posted.AddRange(batch.Select(r => r.ExternalId!));
                return Task.FromResult(AllCreated(batch));
            },
            r => r.ExternalId,
            (_, _) => throw new InvalidOperationException("must not be called"))
        {
            AssignExternalTicketId = (r, id) => r with { ExternalId = id },
            ComputeExternalTicketId = r => TicketRegistrar.DeriveExternalTicketId("ev1", r.Email),
            LookUpBeforeSending = false,
        };
        Assert.True((await off.RegisterAsync(Attendees(2))).IsComplete);
        Assert.Equal(2, posted.Count);
    }

    [Fact]
    public async Task Cancelling_while_looking_up_before_sending_marks_the_batch_not_sent()
    {
        using var cts = new CancellationTokenSource();
        var lookups = 0;
        var registrar = new TicketRegistrar<Req, Created, string>(
            (_, _) => throw new InvalidOperationException("must not be sent"),
            r => r.ExternalId,
            async (id, ct) =>
            {
                if (++lookups == 1)
                {
                    return new Created("t-" + id, id);
                }

                await cts.CancelAsync();
                // An aborted socket: not an OperationCanceledException.
                throw new HttpRequestException("aborted", new IOException("socket closed"));
            })
        { LookUpBeforeSending = true };

        var canceled = await Assert.ThrowsAsync<TicketRegistrationCanceledException<Req, Created, string>>(
            () => registrar.RegisterAsync(Attendees(35), cts.Token));

        var partial = canceled.PartialResult;
        Assert.Single(partial.Tickets);
        Assert.Equal(1, partial.AlreadyExistingCount);
        Assert.Equal(34, partial.Failures.Count);
        Assert.All(partial.Failures, f => Assert.False(f.OutcomeUnknown));
    }
}
