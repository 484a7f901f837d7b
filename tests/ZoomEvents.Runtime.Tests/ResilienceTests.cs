using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly;
using ZoomEvents.Runtime.Http;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n == 0
                ? ScriptedHandler.Json(HttpStatusCode.TooManyRequests, """{"code":429,"message":"Too many requests."}""",
                    ("Retry-After", "3"), ("X-RateLimit-Type", "QPS"))
                : ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"));

        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(2, api.Count);
        Assert.Equal([3000.0], RetryDelays(host));
        // On the fake clock the retry can never come early; it may be recorded a few 100 ms steps late.
        Assert.True(api[1].At - api[0].At >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        DateTimeOffset retryAt = default;
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) =>
            {
                if (n > 0)
                {
                    return ScriptedHandler.Json(HttpStatusCode.OK, "{}");
                }

                // HTTP dates have whole seconds: ask for "5 s from the current second".
                var now = h.Time.GetUtcNow();
                retryAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(5);
                return ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}",
                    ("Retry-After", retryAt.ToString("r", CultureInfo.InvariantCulture)));
            }));

        await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"));

        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(2, api.Count);
        // The delay is measured from when the pipeline looked at the date, so it is a little under 5 s.
        Assert.InRange(Assert.Single(RetryDelays(host)), 4000.0, 5000.0);
        Assert.True(api[1].At >= retryAt, $"retried at {api[1].At:O}, before the server's {retryAt:O}");
    }

    [Fact]
    public async Task A_429_is_retried_even_for_post_because_zoom_did_no_work()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n == 0
                ? ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "1"))
                : ScriptedHandler.Json(HttpStatusCode.Created, """{"id":"e1"}""")));

        var body = await host.RunAsync(() => host.Client.PostAsync("zoom_events/events", """{"name":"x"}"""));

        Assert.Equal("""{"id":"e1"}""", body);
        Assert.Equal(2, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Fact]
    public async Task Missing_rate_limit_headers_mean_a_short_jittered_backoff()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n == 0
                ? ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}")
                : ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"));

        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(2, api.Count);
        // First retry: 1–2 × the 1 s base delay, far below anything a daily limit would need.
        var delay = Assert.Single(RetryDelays(host));
        Assert.InRange(delay, 1000.0, 2000.0);
        Assert.True(api[1].At - api[0].At >= TimeSpan.FromSeconds(1), $"retried after only {(api[1].At - api[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Daily_limit_fails_fast_without_waiting()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.TooManyRequests,
                """{"code":429,"message":"You have reached the maximum daily rate limit for this API."}""",
                ("X-RateLimit-Type", "Daily-limit"), ("Retry-After", "2026-03-02T00:00:00Z"))));

        var ex = await Assert.ThrowsAsync<ZoomRateLimitException>(() => host.Client.GetAsync("zoom_events/events"));

        Assert.True(ex.IsDailyLimit);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), ex.ResetAt);
        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task A_far_future_retry_after_fails_fast_as_daily_even_without_the_type_header()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "36000"))));

        var ex = await Assert.ThrowsAsync<ZoomRateLimitException>(() => host.Client.GetAsync("zoom_events/events"));

        Assert.True(ex.IsDailyLimit);
        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task Persistent_429s_end_in_a_rate_limit_exception_after_the_configured_retries()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "1"))),
            o => o.MaxRetryAttempts = 2);

        var ex = await host.RunAsync(() => Assert.ThrowsAsync<ZoomRateLimitException>(() => host.Client.GetAsync("zoom_events/events")));

        Assert.False(ex.IsDailyLimit);
        Assert.Equal(3, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Fact]
    public async Task A_5xx_on_post_is_not_retried()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));

        var ex = await host.RunAsync(() => Assert.ThrowsAsync<ZoomApiException>(() => host.Client.PostAsync("zoom_events/events/e1/tickets", "{}")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task A_5xx_on_get_is_retried()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n < 2 ? ScriptedHandler.Json(HttpStatusCode.BadGateway, "<html/>") : ScriptedHandler.Json(HttpStatusCode.OK, "[]")));

        Assert.Equal("[]", await host.RunAsync(() => host.Client.GetAsync("zoom_events/events")));
        Assert.Equal(3, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Fact]
    public async Task A_connection_reset_is_retried_for_get_but_not_for_post()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n % 2 == 0
                ? throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset))
                : ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"));
        Assert.Equal(2, host.Handler.RequestsTo("/zoom_events/").Count);

        await host.RunAsync(() => Assert.ThrowsAsync<HttpRequestException>(() => host.Client.PostAsync("zoom_events/events", "{}")));
        Assert.Equal(3, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Fact]
    public async Task A_post_can_opt_in_to_transient_retries()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n == 0 ? ScriptedHandler.Json(HttpStatusCode.InternalServerError, "{}") : ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.RunAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "zoom_events/events/e1/event_actions")
            {
                Content = new StringContent("{}"),
            };
            request.Options.Set(ZoomRequestOptions.RetryNonIdempotent, true);
            using var response = await ZoomHttp.SendAsync(host.Client.Http, request, CancellationToken.None);
        });

        Assert.Equal(2, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Fact]
    public async Task A_hanging_attempt_times_out_and_an_idempotent_call_is_retried()
    {
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok"))
                  .On(_ => true, async (_, n, ct) =>
                  {
                      if (n == 0)
                      {
                          // Hangs until the pipeline's attempt timeout cancels it, as a stalled socket read would.
                          hanging.SetResult();
                          await Task.Delay(Timeout.Infinite, ct);
                      }

                      return ScriptedHandler.Json(HttpStatusCode.OK, "{}");
                  }),
            o => o.AttemptTimeout = TimeSpan.FromSeconds(2));

        var call = host.Client.GetAsync("zoom_events/events");
        await hanging.Task.WaitAsync(TimeSpan.FromSeconds(10));
        host.Time.Advance(TimeSpan.FromSeconds(2));
        // Then only move the clock through the back-off; once the retry is in, the clock stands still, so the
        // second attempt cannot be timed out by the test itself.
        for (var i = 0; i < 1000 && host.Handler.RequestsTo("/zoom_events/").Count < 2; i++)
        {
            await Task.Delay(2);
            host.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal("{}", await call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void Idempotency_follows_the_http_method(string method, bool expected) =>
        Assert.Equal(expected, ZoomResilience.IsIdempotent(new HttpMethod(method)));

    [Fact]
    public void Retry_decision_table()
    {
        var options = new ZoomEventsOptions();
        var now = DateTimeOffset.UnixEpoch;
        var get = new HttpRequestMessage(HttpMethod.Get, "https://x/");
        var post = new HttpRequestMessage(HttpMethod.Post, "https://x/");

        Assert.True(ZoomResilience.ShouldRetry(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)), get, options, now));
        Assert.False(ZoomResilience.ShouldRetry(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)), post, options, now));
        Assert.False(ZoomResilience.ShouldRetry(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.NotImplemented)), get, options, now));
        Assert.False(ZoomResilience.ShouldRetry(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)), get, options, now));
        Assert.True(ZoomResilience.ShouldRetry(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests)), post, options, now));
        Assert.True(ZoomResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("x")), get, options, now));
        Assert.False(ZoomResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("x")), post, options, now));
        Assert.False(ZoomResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), get, options, now));

        var slow = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        slow.Headers.TryAddWithoutValidation("Retry-After", "120"); // over MaxRetryAfter (60 s): fail fast
        Assert.False(ZoomResilience.ShouldRetry(Outcome.FromResult(slow), get, options, now));
    }

    private static double[] RetryDelays(TestHost host) =>
        [.. host.Logs.GetSnapshot().Where(r => r.Id.Id == 2010)
            .Select(r => double.Parse(r.StructuredState!.Single(kv => kv.Key == "DelayMs").Value!, CultureInfo.InvariantCulture))];

}
