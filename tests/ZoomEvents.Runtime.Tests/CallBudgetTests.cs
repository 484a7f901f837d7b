using System.Net;
using Polly.Timeout;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// The token wait belongs to the call: TotalTimeout bounds token plus API attempts, and the token fetched up front is
/// the one the first attempt sends.
/// </summary>
public sealed class CallBudgetTests
{
    [Fact]
    public async Task A_slow_token_endpoint_and_a_hanging_api_stay_within_TotalTimeout()
    {
        await using var host = TestHost.Create(h => h
            .On(r => r.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal), async (_, n, ct) =>
            {
                if (n < 4)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, h.Time, ct); // first four attempts hang (4 x 30 s)
                }

                return ScriptedHandler.Token("tok-slow");
            })
            .On(_ => true, async (_, _, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, h.Time, ct); // the API never answers
                throw new InvalidOperationException("unreachable");
            }));
        var started = host.Time.GetUtcNow();

        await host.RunAsync(
            () => Assert.ThrowsAsync<TimeoutRejectedException>(() => host.Client.GetAsync("zoom_events/events")),
            TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30));

        var elapsed = host.Time.GetUtcNow() - started;
        Assert.Equal(5, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.NotEmpty(host.Handler.RequestsTo("/zoom_events/"));
        // Default TotalTimeout is 3 min; the fake clock moves in 1 s steps.
        Assert.InRange(elapsed, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_token_that_does_not_arrive_within_TotalTimeout_ends_the_call_unsent()
    {
        await using var host = TestHost.Create(h => h
            .On(r => r.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal), async (_, _, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, h.Time, ct);
                throw new InvalidOperationException("unreachable");
            })
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o =>
            {
                o.TotalTimeout = TimeSpan.FromSeconds(45);
                o.AttemptTimeout = TimeSpan.FromSeconds(30);
            });
        var started = host.Time.GetUtcNow();

        var error = await host.RunAsync(
            () => Assert.ThrowsAsync<ZoomTokenUnavailableException>(() => host.Client.GetAsync("zoom_events/events")),
            TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(host.Time.GetUtcNow() - started, TimeSpan.FromSeconds(44), TimeSpan.FromSeconds(47));
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.DoesNotContain(TestHost.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_without_a_cache_is_asked_once_per_call()
    {
        var tokens = new CountingProvider();
        var seen = new List<string?>();
        var api = new ScriptedHandler().On(_ => true, (r, _) =>
        {
            seen.Add(r.Headers.Authorization?.Parameter);
            return ScriptedHandler.Json(HttpStatusCode.OK, "{}");
        });
        using var http = new HttpClient(new ZoomTokenPrefetchHandler(tokens, TimeSpan.FromMinutes(1), TimeProvider.System)
        {
            InnerHandler = new ZoomAuthenticationHandler(tokens) { InnerHandler = api },
        });

        using var first = await http.GetAsync(new Uri("https://api.zoom.us/v2/zoom_events/hubs"));
        using var second = await http.GetAsync(new Uri("https://api.zoom.us/v2/zoom_events/hubs"));

        Assert.Equal(2, tokens.Calls);
        Assert.Equal(["tok-1", "tok-2"], seen);
    }

    [Fact]
    public async Task Cancelling_while_the_token_is_awaited_reports_a_request_that_was_not_sent()
    {
        using var cts = new CancellationTokenSource();
        var api = new ScriptedHandler().On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}"));
        var tokens = new HangingProvider(cts);
        using var http = new HttpClient(new ZoomTokenPrefetchHandler(tokens, TimeSpan.FromMinutes(1), TimeProvider.System)
        {
            InnerHandler = new ZoomAuthenticationHandler(tokens) { InnerHandler = api },
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => http.GetAsync(new Uri("https://api.zoom.us/v2/zoom_events/hubs"), cts.Token));

        Assert.True(error is ZoomTokenWaitCanceledException || error.InnerException is ZoomTokenWaitCanceledException);
        Assert.Empty(api.Requests);
    }

    internal sealed class CountingProvider : IZoomAccessTokenProvider
    {
        public int Calls;

        public ValueTask<ZoomAccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref Calls);
            var now = DateTimeOffset.UtcNow;
            return ValueTask.FromResult(new ZoomAccessToken("tok-" + n, now.AddMinutes(50), now.AddHours(1), null, null));
        }

        public void Invalidate(ZoomAccessToken rejected)
        {
        }
    }

    // Cancels the caller's token itself, then waits for a token that never comes.
    internal sealed class HangingProvider(CancellationTokenSource caller) : IZoomAccessTokenProvider
    {
        public async ValueTask<ZoomAccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            await caller.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public void Invalidate(ZoomAccessToken rejected)
        {
        }
    }
}
