using System.Net;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// With the defaults (3 min total, 4 retries, waits up to 60 s) a server that keeps answering 429 + Retry-After: 60
/// cannot be waited out inside one call. The caller must get the server's answer, a ZoomRateLimitException with its
/// Retry-After, not a TimeoutRejectedException from sleeping into the total timeout.
/// </summary>
public sealed class RateLimitBudgetTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Persistent_429s_with_long_waits_end_in_a_rate_limit_exception_before_the_total_timeout()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.TooManyRequests, """{"code":429,"message":"Too many requests."}""",
                ("Retry-After", "60"), ("X-RateLimit-Type", "QPS"))));

        var ex = await host.RunAsync(() => Assert.ThrowsAsync<ZoomRateLimitException>(() => host.Client.GetAsync("zoom_events/events")),
            TimeSpan.FromMilliseconds(500)).WaitAsync(Guard);

        Assert.False(ex.IsDailyLimit);
        Assert.Equal(TimeSpan.FromSeconds(60), ex.RetryAfter);
        // t = 0, 60, 120: at 120 s only ~60 s of the 180 s budget remain, too little for another 60 s wait.
        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(3, api.Count);
        Assert.True(api[^1].At - api[0].At < TimeSpan.FromMinutes(3));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2011);
    }

    [Fact]
    public async Task A_429_whose_wait_fits_the_remaining_budget_is_still_waited_out()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok"))
                  .On(_ => true, (_, n) => n < 2
                      ? ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "50"))
                      : ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o => o.TotalTimeout = TimeSpan.FromMinutes(2));

        var body = await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"), TimeSpan.FromMilliseconds(500)).WaitAsync(Guard);

        Assert.Equal("{}", body);
        Assert.Equal(3, host.Handler.RequestsTo("/zoom_events/").Count); // waits end at ~50 s and ~100 s, both inside 120 s
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id == 2011);
    }

    [Fact]
    public async Task A_backoff_429_without_retry_after_is_not_slept_into_the_total_timeout_either()
    {
        // No Retry-After: the jittered back-off (base 20 s → 20–40 s, then 40–80 s capped at 60 s) is what is checked.
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}")),
            o =>
            {
                o.RetryBaseDelay = TimeSpan.FromSeconds(20);
                o.TotalTimeout = TimeSpan.FromSeconds(70);
            });

        await host.RunAsync(() => Assert.ThrowsAsync<ZoomRateLimitException>(() => host.Client.GetAsync("zoom_events/events")),
            TimeSpan.FromMilliseconds(500)).WaitAsync(Guard);

        Assert.InRange(host.Handler.RequestsTo("/zoom_events/").Count, 2, 3);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2011);
    }
}
