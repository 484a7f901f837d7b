using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

public sealed class StandaloneClientTests
{
    private static ZoomEventsOptions Options() => new()
    {
        AccountId = TestHost.AccountId,
        ClientId = TestHost.ClientId,
        ClientSecret = TestHost.ClientSecret,
    };

    [Fact]
    public async Task Without_di_the_client_has_the_same_auth_retry_and_logging_pipeline()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler(time)
            .OnToken(n => ScriptedHandler.Token("tok-" + (n + 1)))
            .On(_ => true, (r, n) => n switch
            {
                0 => ScriptedHandler.Json(HttpStatusCode.Unauthorized, "{}"),
                1 => ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"),
                _ => ScriptedHandler.Json(HttpStatusCode.OK, """{"hubs":[]}"""),
            });
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var http = ZoomEventsHttpClient.Create(Options(), handler, loggerFactory, time);
        var client = new FakeZoomClient(http);

        var call = client.GetAsync("zoom_events/hubs");
        for (var i = 0; i < 1000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal("""{"hubs":[]}""", await call);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2", "Bearer tok-2"], handler.RequestsTo("/zoom_events/").Select(r => r.Authorization));
        Assert.Equal(2, handler.RequestsTo("/oauth/token").Count);
        Assert.Equal("https://api.zoom.us/v2/", http.BaseAddress!.AbsoluteUri);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("GET /v2/zoom_events/hubs -> 503", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_settings_fail_immediately()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ZoomEventsHttpClient.Create(new ZoomEventsOptions { BaseUrl = "ftp://x" }));
        Assert.Contains("ZoomEvents:BaseUrl", ex.Message);
        Assert.Contains("ZoomEvents:AccountId", ex.Message);
    }

    [Fact]
    public async Task A_static_token_needs_no_credentials()
    {
        var handler = new ScriptedHandler().On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}"));
        using var http = ZoomEventsHttpClient.Create(new ZoomEventsOptions { AccessToken = "mine" }, handler);

        await new FakeZoomClient(http).GetAsync("zoom_events/hubs");

        Assert.Equal("Bearer mine", Assert.Single(handler.Requests).Authorization);
    }
}
