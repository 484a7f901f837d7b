using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZoomEvents.Runtime.Tests.Infrastructure;
using ZoomEvents.Sandbox;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// The runtime's handler pipeline against the in-process sandbox over real loopback sockets: real token
/// issuance, real 429 headers and real connection resets (the scripted-handler tests only simulate them).
/// </summary>
public sealed class SandboxIntegrationTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private ServiceProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        var services = new ServiceCollection();
        services.AddZoomEventsClient<FakeZoomClient>(o =>
        {
            o.BaseUrl = _sandbox.ApiBaseUrl.AbsoluteUri;
            o.TokenUrl = _sandbox.TokenUrl.AbsoluteUri;
            o.AccountId = _sandbox.AccountId;
            o.ClientId = _sandbox.ClientId;
            o.ClientSecret = _sandbox.ClientSecret;
            // Keep real waits short: the sandbox's QPS 429s ask for 1 s.
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        });
        _provider = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    private FakeZoomClient Client => _provider.GetRequiredService<FakeZoomClient>();

    [Fact]
    public async Task Gets_a_real_token_and_calls_the_api()
    {
        var body = await Client.GetAsync("zoom_events/hubs?role_type=host");
        Assert.Contains("\"hubs\"", body);
    }

    [Fact]
    public async Task Wrong_credentials_surface_as_a_token_error_without_the_secret()
    {
        var services = new ServiceCollection();
        services.AddZoomEventsClient<FakeZoomClient>(o =>
        {
            o.BaseUrl = _sandbox.ApiBaseUrl.AbsoluteUri;
            o.TokenUrl = _sandbox.TokenUrl.AbsoluteUri;
            o.AccountId = _sandbox.AccountId;
            o.ClientId = _sandbox.ClientId;
            o.ClientSecret = "wrong-secret-value";
        });
        await using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<ZoomEvents.Runtime.Auth.ZoomTokenRejectedException>(() => provider.GetRequiredService<FakeZoomClient>().GetAsync("zoom_events/hubs?role_type=host"));

        Assert.True(ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, ex.Message);
        Assert.DoesNotContain("wrong-secret-value", ex.ToString());
    }

    [Fact]
    public async Task A_qps_429_is_waited_out_and_retried()
    {
        _sandbox.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 2, RetryAfterSeconds = 1 });

        await Client.GetAsync("zoom_events/hubs?role_type=host"); // request 1 passes
        await Client.GetAsync("zoom_events/hubs?role_type=host"); // request 2 is limited, its retry (3) passes

        var counters = _sandbox.FaultCounters;
        Assert.Equal(1, counters.RateLimited);
        Assert.Equal(3, counters.Requests);
    }

    [Fact]
    public async Task The_daily_limit_fails_fast()
    {
        _sandbox.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 1, DailyLimit = true });

        var ex = await Assert.ThrowsAsync<ZoomRateLimitException>(() => Client.GetAsync("zoom_events/hubs?role_type=host"));

        Assert.True(ex.IsDailyLimit);
        Assert.NotNull(ex.ResetAt);
        Assert.Equal(1, _sandbox.FaultCounters.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_for_get_but_not_for_post()
    {
        _sandbox.ConfigureFaults(new SandboxFaults { ServerErrorBurstLength = 1, ServerErrorBurstStartsAt = 1 });
        await Client.GetAsync("zoom_events/hubs?role_type=host");
        Assert.Equal(2, _sandbox.FaultCounters.Requests);

        _sandbox.ConfigureFaults(new SandboxFaults { ServerErrorBurstLength = 1, ServerErrorBurstStartsAt = 1 });
        var ex = await Assert.ThrowsAsync<ZoomApiException>(() => Client.PostAsync("zoom_events/events", "{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, _sandbox.FaultCounters.Requests);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_for_get_but_surfaces_for_post()
    {
        _sandbox.ConfigureFaults(new SandboxFaults { DropConnectionCount = 1, DropConnectionMethod = "GET" });
        await Client.GetAsync("zoom_events/hubs?role_type=host");
        Assert.Equal((2, 1), (_sandbox.FaultCounters.Requests, _sandbox.FaultCounters.Dropped));

        _sandbox.ConfigureFaults(new SandboxFaults { DropConnectionCount = 1, DropConnectionMethod = "POST" });
        await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync("zoom_events/events", "{}"));
        Assert.Equal((1, 1), (_sandbox.FaultCounters.Requests, _sandbox.FaultCounters.Dropped));
    }
}
