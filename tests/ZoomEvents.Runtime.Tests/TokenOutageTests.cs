using System.Net;
using System.Net.Sockets;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

/// <summary>A dead token endpoint: the token client retries, the API pipeline around it must not multiply that.</summary>
public sealed class TokenOutageTests
{
    [Fact]
    public async Task An_unreachable_token_endpoint_is_retried_once_over_not_once_per_api_attempt()
    {
        Func<int, HttpResponseMessage> refuse = _ =>
            throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        await using var host = TestHost.Create(h => h
            .OnToken(refuse)
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o => o.MaxRetryAttempts = 3);

        var error = await host.RunAsync(() => Assert.ThrowsAsync<ZoomTokenUnavailableException>(() => host.Client.GetAsync("zoom_events/events")));

        // One round of the token client's retries (1 + 3), not (1 + 3) for each of the API client's 1 + 3 attempts.
        Assert.Equal(4, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
        Assert.Contains("access token", error.Message);
        Assert.DoesNotContain(TestHost.ClientSecret, error.ToString());
    }

    [Fact]
    public void The_api_pipeline_does_not_retry_a_token_outage_but_still_retries_other_network_failures()
    {
        var options = new ZoomEventsOptions();
        using var get = new HttpRequestMessage(HttpMethod.Get, "https://api.zoom.us/v2/zoom_events/events");
        var now = DateTimeOffset.UtcNow;
        var outage = new ZoomTokenUnavailableException(new Uri("https://zoom.us/oauth/token"), new HttpRequestException("refused"));

        Assert.False(Http.ZoomResilience.ShouldRetry(Polly.Outcome.FromException<HttpResponseMessage>(outage), get, options, now));
        Assert.True(Http.ZoomResilience.ShouldRetry(Polly.Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), get, options, now));
    }

    [Fact]
    public async Task A_hanging_token_endpoint_ends_in_token_unavailable_after_the_token_clients_own_retries()
    {
        await using var host = TestHost.Create(h => h
            .On(r => r.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal), async (_, _, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, h.Time, ct); // accepts the connection, never answers
                throw new InvalidOperationException("unreachable");
            })
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        var error = await host.RunAsync(
            () => Assert.ThrowsAsync<ZoomTokenUnavailableException>(() => host.Client.GetAsync("zoom_events/events")),
            TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30));

        // Default settings: five token attempts of 30 s each (all start within the 3 min token budget), no API attempt.
        Assert.Equal(5, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
        Assert.DoesNotContain(TestHost.ClientSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_endpoint_answering_5xx_ends_in_token_unavailable_after_the_token_clients_own_retries()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Json(HttpStatusCode.BadGateway, "<html>bad gateway</html>"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        var error = await host.RunAsync(
            () => Assert.ThrowsAsync<ZoomTokenUnavailableException>(() => host.Client.GetAsync("zoom_events/events")),
            TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
        Assert.Equal(HttpStatusCode.BadGateway, Assert.IsType<ZoomApiException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task A_token_fetch_without_a_resilient_client_is_still_bounded_and_typed()
    {
        // The public constructor accepts any HttpClient; without Zoom's pipeline only the provider's backstop bounds it.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler(time).On(_ => true, async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var provider = new ServerToServerTokenProvider(http, new ZoomEventsOptions
        {
            AccountId = TestHost.AccountId,
            ClientId = TestHost.ClientId,
            ClientSecret = TestHost.ClientSecret,
            TotalTimeout = TimeSpan.FromSeconds(20),
        }, time);

        var fetch = provider.GetTokenAsync(CancellationToken.None).AsTask();
        for (var i = 0; i < 1000 && !fetch.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<ZoomTokenUnavailableException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.IsType<TimeoutException>(error.InnerException);
    }
}
