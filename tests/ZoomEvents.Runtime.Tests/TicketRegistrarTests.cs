using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ZoomEvents.Runtime.Tests.Infrastructure;
using ZoomEvents.Runtime.Tickets;

namespace ZoomEvents.Runtime.Tests;

public sealed class TicketRegistrarTests
{
    private sealed record Req(string Email, string? ExternalId);

    private sealed record Created(string TicketId, string? ExternalId, string Email);

    private sealed record Refused(string Email, string Code);

    /// <summary>A fake Zoom ticket store: remembers what was created, and can fail a call after (or before) storing.</summary>
    private sealed class FakeZoom
    {
        public ConcurrentDictionary<string, Created> ByExternalId { get; } = new();

        public List<int> BatchSizes { get; } = [];

        public int Creations;

        public Func<int, IReadOnlyList<Req>, Exception?> FailAfterStoring { get; set; } = (_, _) => null;

        public Func<int, IReadOnlyList<Req>, Exception?> FailBeforeStoring { get; set; } = (_, _) => null;

        public Task<TicketBatchResponse<Created, Refused>> CreateAsync(IReadOnlyList<Req> batch, CancellationToken ct)
        {
            var call = BatchSizes.Count;
            BatchSizes.Add(batch.Count);
            if (FailBeforeStoring(call, batch) is { } before)
            {
                throw before;
            }

            var tickets = new List<Created>();
            var errors = new List<Refused>();
            foreach (var r in batch)
            {
                if (r.Email.StartsWith("bad", StringComparison.Ordinal))
                {
                    errors.Add(new Refused(r.Email, "invalid_email"));
                    continue;
                }

                var ticket = new Created("t" + Interlocked.Increment(ref Creations), r.ExternalId, r.Email);
                if (r.ExternalId is not null && !ByExternalId.TryAdd(r.ExternalId, ticket))
                {
                    throw new InvalidOperationException($"registered twice: {r.ExternalId}");
                }

                tickets.Add(ticket);
            }

            return FailAfterStoring(call, batch) is { } after ? throw after : Task.FromResult(new TicketBatchResponse<Created, Refused>(tickets, errors));
        }

        public Task<Created?> LookupAsync(string externalId, CancellationToken ct) =>
            Task.FromResult(ByExternalId.TryGetValue(externalId, out var t) ? t : null);

        public TicketRegistrar<Req, Created, Refused> Registrar() =>
            new(CreateAsync, r => r.ExternalId, LookupAsync) { RecoveryDelay = TimeSpan.Zero };
    }

    private static List<Req> Attendees(int n) => [.. Enumerable.Range(0, n).Select(i => new Req($"a{i}@example.com", $"ext-{i}"))];

    [Fact]
    public async Task Ninety_five_attendees_go_out_as_30_30_30_5_and_merge()
    {
        var zoom = new FakeZoom();
        var result = await zoom.Registrar().RegisterAsync(Attendees(95));

        Assert.Equal([30, 30, 30, 5], zoom.BatchSizes);
        Assert.Equal(4, result.BatchCount);
        Assert.Equal(95, result.Tickets.Count);
        Assert.Equal(95, result.Tickets.Select(t => t.ExternalId).Distinct().Count());
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task Partial_success_inside_a_201_is_a_result_not_an_exception()
    {
        var zoom = new FakeZoom();
        var input = Attendees(4);
        input[1] = new Req("bad1@example.com", "ext-bad1");
        var result = await zoom.Registrar().RegisterAsync(input);

        Assert.Equal(3, result.Tickets.Count);
        Assert.Equal([new Refused("bad1@example.com", "invalid_email")], result.Errors);
        Assert.Empty(result.Failures);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public async Task A_dropped_connection_after_zoom_stored_the_batch_registers_nobody_twice()
    {
        var zoom = new FakeZoom
        {
            // The second batch reaches Zoom, is stored, and then the connection drops before the 201 arrives.
            FailAfterStoring = (call, _) => call == 1 ? new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)) : null,
        };

        var result = await zoom.Registrar().RegisterAsync(Attendees(45));

        Assert.Equal([30, 15], zoom.BatchSizes); // nothing re-sent: every ticket of batch 2 was found by lookup
        Assert.Equal(45, result.Tickets.Count);
        Assert.Equal(15, result.RecoveredCount);
        Assert.Equal(45, zoom.Creations);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task After_an_ambiguous_failure_only_the_missing_tickets_are_re_sent()
    {
        var zoom = new FakeZoom();
        // Zoom stores the first 10 of the batch, then the gateway answers 504.
        zoom.FailBeforeStoring = (call, batch) =>
        {
            if (call != 0)
            {
                return null;
            }

            foreach (var r in batch.Take(10))
            {
                zoom.ByExternalId[r.ExternalId!] = new Created("pre-" + r.ExternalId, r.ExternalId, r.Email);
            }

            return new ZoomApiException(HttpStatusCode.GatewayTimeout, null, null, null, null, "<html/>");
        };

        var result = await zoom.Registrar().RegisterAsync(Attendees(25));

        Assert.Equal([25, 15], zoom.BatchSizes);
        Assert.Equal(25, result.Tickets.Count);
        Assert.Equal(10, result.RecoveredCount);
        Assert.Equal(25, result.Tickets.Select(t => t.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task Requests_without_an_external_id_are_reported_not_resent_after_an_ambiguous_failure()
    {
        var zoom = new FakeZoom { FailAfterStoring = (call, _) => call == 0 ? new TaskCanceledException("timeout") : null };
        var input = new List<Req> { new("x@example.com", null), new("y@example.com", "ext-y") };

        var result = await zoom.Registrar().RegisterAsync(input);

        Assert.Equal([2], zoom.BatchSizes);
        var failure = Assert.Single(result.Failures);
        Assert.Equal("x@example.com", failure.Request.Email);
        Assert.True(failure.OutcomeUnknown);
        Assert.Contains("no external_ticket_id", failure.Reason);
        Assert.Equal("ext-y", Assert.Single(result.Tickets).ExternalId);
    }

    [Fact]
    public async Task Assigning_external_ids_makes_every_request_recoverable()
    {
        var zoom = new FakeZoom { FailAfterStoring = (call, _) => call == 0 ? new HttpRequestException("reset") : null };
        var input = new List<Req> { new("x@example.com", null), new("y@example.com", null) };

        var registrar = new TicketRegistrar<Req, Created, Refused>(zoom.CreateAsync, r => r.ExternalId, zoom.LookupAsync)
        {
            RecoveryDelay = TimeSpan.Zero,
            AssignExternalTicketId = (r, id) => r with { ExternalId = id },
            ComputeExternalTicketId = r => TicketRegistrar.DeriveExternalTicketId("ev1", r.Email),
        };

        var result = await registrar.RegisterAsync(input);

        Assert.Equal([2], zoom.BatchSizes);
        Assert.Equal(2, result.Tickets.Count);
        string[] expected = [TicketRegistrar.DeriveExternalTicketId("ev1", "x@example.com"), TicketRegistrar.DeriveExternalTicketId("ev1", "y@example.com")];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Tickets.Select(t => t.ExternalId!).Order(StringComparer.Ordinal));
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task A_whole_batch_4xx_fails_that_batch_only()
    {
        var zoom = new FakeZoom
        {
            FailBeforeStoring = (call, _) => call == 0
                ? new ZoomApiException(HttpStatusCode.BadRequest, 300, "Validation Failed.", [new ZoomFieldError("attendees", "Too many.")], null, "{}")
                : null,
        };

        var result = await zoom.Registrar().RegisterAsync(Attendees(35));

        Assert.Equal([30, 5], zoom.BatchSizes);
        Assert.Equal(5, result.Tickets.Count);
        Assert.Equal(30, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.False(f.OutcomeUnknown));
        Assert.Contains("Validation Failed.", result.Failures[0].Reason);
    }

    [Fact]
    public async Task A_daily_limit_stops_further_batches_and_reports_them_as_not_sent()
    {
        var zoom = new FakeZoom
        {
            FailBeforeStoring = (call, _) => call == 1
                ? new ZoomRateLimitException(HttpStatusCode.TooManyRequests, 429, "Daily limit.", null, null, "{}", TimeSpan.FromHours(5), isDailyLimit: true)
                : null,
        };

        var result = await zoom.Registrar().RegisterAsync(Attendees(95));

        Assert.Equal([30, 30], zoom.BatchSizes);
        Assert.Equal(30, result.Tickets.Count);
        Assert.Equal(65, result.Failures.Count);
        Assert.Contains(result.Failures, f => f.Reason.StartsWith("Not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gives_up_after_the_recovery_limit_and_marks_the_outcome_unknown()
    {
        var zoom = new FakeZoom { FailBeforeStoring = (_, _) => new HttpRequestException("down") };
        var registrar = new TicketRegistrar<Req, Created, Refused>(zoom.CreateAsync, r => r.ExternalId, zoom.LookupAsync)
        {
            RecoveryDelay = TimeSpan.Zero,
            MaxRecoveryAttempts = 2,
        };

        var result = await registrar.RegisterAsync(Attendees(3));

        Assert.Equal([3, 3, 3], zoom.BatchSizes);
        Assert.Equal(3, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.True(f.OutcomeUnknown));
    }

    [Fact]
    public async Task A_failing_lookup_never_leads_to_a_blind_resend()
    {
        var zoom = new FakeZoom { FailAfterStoring = (call, _) => call == 0 ? new HttpRequestException("reset") : null };
        var registrar = new TicketRegistrar<Req, Created, Refused>(
            zoom.CreateAsync, r => r.ExternalId, (_, _) => throw new HttpRequestException("lookup down"))
        { RecoveryDelay = TimeSpan.Zero };

        var result = await registrar.RegisterAsync(Attendees(2));

        Assert.Equal([2], zoom.BatchSizes);
        Assert.Equal(2, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.True(f.OutcomeUnknown));
    }

    [Fact]
    public async Task Duplicate_external_ids_are_rejected_before_sending()
    {
        var zoom = new FakeZoom();
        var input = new List<Req> { new("a@example.com", "same"), new("b@example.com", "same") };

        var result = await zoom.Registrar().RegisterAsync(input);

        Assert.Equal([1], zoom.BatchSizes);
        Assert.Contains("more than once", Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public async Task Unreadable_201_bodies_are_recovered_by_lookup()
    {
        var zoom = new FakeZoom { FailAfterStoring = (call, _) => call == 0 ? new JsonException("bad body") : null };
        var result = await zoom.Registrar().RegisterAsync(Attendees(3));
        Assert.Equal([3], zoom.BatchSizes);
        Assert.Equal(3, result.RecoveredCount);
    }

    [Fact]
    public void Ambiguity_classification()
    {
        Assert.True(TicketRegistrar.IsAmbiguousFailure(new HttpRequestException("reset")));
        Assert.True(TicketRegistrar.IsAmbiguousFailure(new Polly.Timeout.TimeoutRejectedException()));
        Assert.True(TicketRegistrar.IsAmbiguousFailure(new TaskCanceledException()));
        Assert.True(TicketRegistrar.IsAmbiguousFailure(new ZoomApiException(HttpStatusCode.BadGateway, null, null, null, null, null)));
        Assert.True(TicketRegistrar.IsAmbiguousFailure(new ZoomApiException(HttpStatusCode.RequestTimeout, null, null, null, null, null)));
        Assert.False(TicketRegistrar.IsAmbiguousFailure(new ZoomApiException(HttpStatusCode.BadRequest, 300, null, null, null, null)));
        Assert.False(TicketRegistrar.IsAmbiguousFailure(
            new ZoomRateLimitException(HttpStatusCode.TooManyRequests, null, null, null, null, null, null, isDailyLimit: false)));
        Assert.False(TicketRegistrar.IsAmbiguousFailure(new ArgumentException("bug")));
    }

    [Fact]
    public void Batch_size_is_limited_to_zooms_maximum()
    {
        var zoom = new FakeZoom();
        Assert.Throws<ArgumentOutOfRangeException>(() => new TicketRegistrar<Req, Created, Refused>(zoom.CreateAsync, r => r.ExternalId, zoom.LookupAsync) { BatchSize = 31 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TicketRegistrar<Req, Created, Refused>(zoom.CreateAsync, r => r.ExternalId, zoom.LookupAsync) { BatchSize = 0 });
    }

    [Fact]
    public async Task Through_the_http_pipeline_a_dropped_post_is_not_retried_and_is_recovered_by_lookup()
    {
        var stored = new ConcurrentDictionary<string, string>();
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(r => r.Method == HttpMethod.Post, HttpResponseMessage (r, _) =>
            {
                // Zoom stores the ticket, then the connection is reset before the 201 reaches us.
                using var doc = JsonDocument.Parse(r.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
                foreach (var a in doc.RootElement.GetProperty("attendees").EnumerateArray())
                {
                    stored[a.GetProperty("external_ticket_id").GetString()!] = "tk-" + stored.Count;
                }

                throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset));
            })
            .On(r => r.Method == HttpMethod.Get, (r, _) =>
            {
                var id = Uri.UnescapeDataString(r.RequestUri!.Query.Split("external_ticket_id=")[1]);
                return ScriptedHandler.Json(HttpStatusCode.OK, stored.TryGetValue(id, out var t)
                    ? $$"""{"tickets":[{"ticket_id":"{{t}}","external_ticket_id":"{{id}}"}]}"""
                    : """{"tickets":[]}""");
            }));

        var client = host.Client;
        var registrar = new TicketRegistrar<Req, Created, Refused>(
            async (batch, ct) =>
            {
                var json = JsonSerializer.Serialize(new { attendees = batch.Select(b => new { email = b.Email, external_ticket_id = b.ExternalId }) },
                    TestJson.Options);
                await client.PostAsync("zoom_events/events/ev1/tickets", json, ct);
                throw new InvalidOperationException("the scripted POST never succeeds");
            },
            r => r.ExternalId,
            async (id, ct) =>
            {
                using var doc = JsonDocument.Parse(await client.GetAsync("zoom_events/events/ev1/tickets?external_ticket_id=" + Uri.EscapeDataString(id), ct));
                var first = doc.RootElement.GetProperty("tickets").EnumerateArray().FirstOrDefault();
                return first.ValueKind == JsonValueKind.Object ? new Created(first.GetProperty("ticket_id").GetString()!, id, "?") : null;
            })
        { RecoveryDelay = TimeSpan.Zero };

        var result = await host.RunAsync(() => registrar.RegisterAsync(Attendees(3)));

        Assert.Single(host.Handler.Requests, r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/tickets", StringComparison.Ordinal));
        Assert.Equal(3, stored.Count);
        Assert.Equal(3, result.Tickets.Count);
        Assert.Equal(3, result.RecoveredCount);
    }
}
