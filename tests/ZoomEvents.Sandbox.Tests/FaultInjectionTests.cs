using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class FaultInjectionTests : SandboxTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero));

    protected override SandboxOptions Options => new() { TimeProvider = _time };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task Every_nth_request_gets_429_with_retry_after()
    {
        Server.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 3, RetryAfterSeconds = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var response = await GetAsync("v2/zoom_events/hubs?role_type=host");
            statuses.Add(response.Status);
            if (response.Status == HttpStatusCode.TooManyRequests)
            {
                response.AssertZoomError(HttpStatusCode.TooManyRequests, 429);
                Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
                Assert.Equal("QPS", Assert.Single(response.Headers.GetValues("X-RateLimit-Type")));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(new SandboxFaultCounters(6, 2, 0, 0), Server.FaultCounters);
    }

    [Fact]
    public async Task Daily_limit_429_names_the_next_utc_midnight()
    {
        Server.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 1, DailyLimit = true });

        var response = await GetAsync("v2/zoom_events/hubs?role_type=host");

        response.AssertStatus(HttpStatusCode.TooManyRequests);
        Assert.Equal("Daily-limit", Assert.Single(response.Headers.GetValues("X-RateLimit-Type")));
        Assert.Equal("2026-03-11T00:00:00Z", Assert.Single(response.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task Server_error_burst_fails_consecutive_requests_then_recovers()
    {
        Server.ConfigureFaults(new SandboxFaults { ServerErrorBurstStartsAt = 2, ServerErrorBurstLength = 2, ServerErrorStatusCode = 502 });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((int)(await GetAsync("v2/zoom_events/hubs?role_type=host")).Status);
        }

        Assert.Equal([200, 502, 502, 200], statuses);
    }

    [Fact]
    public async Task A_burst_stays_consecutive_where_an_every_nth_429_would_split_it()
    {
        Server.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 3, ServerErrorBurstStartsAt = 2, ServerErrorBurstLength = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((int)(await GetAsync("v2/zoom_events/hubs?role_type=host")).Status);
        }

        Assert.Equal([200, 503, 503, 200, 200, 429], statuses);
    }

    [Fact]
    public async Task Faults_never_touch_the_token_or_control_endpoints()
    {
        Server.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 1 });

        await GetTokenAsync();
        (await GetAsync("_pact/provider-states")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(0, Server.FaultCounters.Requests);
    }

    [Fact]
    public async Task Dropped_ticket_post_creates_the_ticket_but_the_client_sees_a_reset()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        Server.ConfigureFaults(new SandboxFaults { DropConnectionCount = 1, DropConnectionMethod = "POST", DropConnectionPathSuffix = "/tickets" });
        var ticket = Ticket("lost@example.com");
        ticket["external_ticket_id"] = "order-17";

        await Assert.ThrowsAsync<HttpRequestException>(() => PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(ticket)));

        var found = await GetAsync($"v2/zoom_events/events/{eventId}/tickets?external_ticket_id=order-17");
        Assert.Single(found.Body!["tickets"]!.AsArray());
        Assert.Equal(1, Server.FaultCounters.Dropped);
        var next = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("next@example.com")));
        next.AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Delay_holds_the_response_until_the_sandbox_clock_passes_it()
    {
        Server.ConfigureFaults(new SandboxFaults { ResponseDelay = TimeSpan.FromSeconds(30) });

        var pending = GetAsync("v2/zoom_events/hubs?role_type=host");
        for (var i = 0; i < 200 && Server.FaultCounters.Requests == 0; i++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(100);
        Assert.False(pending.IsCompleted);

        // Advance in steps: the server may start its timer a moment after counting the request, and a timer created
        // after a single advance would wait for the next one.
        for (var i = 0; i < 50 && !pending.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(100));
        }

        (await pending).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Faults_can_be_switched_over_http_and_reset_restores_startup_settings()
    {
        using var content = new StringContent("""{"rateLimitEveryNth":1,"retryAfterSeconds":5}""", Encoding.UTF8, "application/json");
        (await Http.PutAsync("_sandbox/faults", content)).EnsureSuccessStatusCode();

        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.TooManyRequests);
        var state = await GetAsync("_sandbox/faults");
        Assert.Equal(1, state.Body!["faults"]!["rateLimitEveryNth"]!.GetValue<int>());
        Assert.Equal(1, state.Body["counters"]!["rateLimited"]!.GetValue<int>());

        using var invalid = new StringContent("""{"serverErrorStatusCode":200,"serverErrorBurstLength":1}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PutAsync("_sandbox/faults", invalid)).StatusCode);

        (await SendAsync(HttpMethod.Post, "_sandbox/reset")).AssertStatus(HttpStatusCode.NoContent);
        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invalid_fault_options_are_rejected_at_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Faults = new SandboxFaults { RateLimitEveryNth = -1 } }));
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Faults = new SandboxFaults { ResponseDelay = TimeSpan.FromDays(60) } }));
    }

    [Fact]
    public async Task A_response_delay_beyond_the_maximum_is_refused_over_http_and_requests_keep_working()
    {
        // 60 days once configured fine and then made every API request a 500 (Task.Delay's limit is ~49.7 days).
        using var tooLong = new StringContent("""{"responseDelay":"60.00:00:00"}""", Encoding.UTF8, "application/json");
        var refused = await Http.PutAsync("_sandbox/faults", tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ResponseDelay", await refused.Content.ReadAsStringAsync());

        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);
    }
}
