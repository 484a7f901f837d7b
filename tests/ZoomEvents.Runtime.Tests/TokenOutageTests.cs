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
}
