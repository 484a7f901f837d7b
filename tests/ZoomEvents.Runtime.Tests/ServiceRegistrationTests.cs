using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZoomEvents.Runtime.Http;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

public sealed class ServiceRegistrationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Binds_every_setting_from_an_explicit_section()
    {
        var config = Config(
            ("ZoomEvents:AccountId", "acc"), ("ZoomEvents:ClientId", "cid"), ("ZoomEvents:ClientSecret", "sec"),
            ("ZoomEvents:BaseUrl", "http://127.0.0.1:5005/v2"), ("ZoomEvents:TokenUrl", "http://127.0.0.1:5005/oauth/token"),
            ("ZoomEvents:UseTokenApiUrl", "true"), ("ZoomEvents:TokenRefreshMargin", "00:02:00"), ("ZoomEvents:MaxRetryAttempts", "2"),
            ("ZoomEvents:RetryBaseDelay", "00:00:00.5"), ("ZoomEvents:MaxRetryAfter", "00:00:10"),
            ("ZoomEvents:AttemptTimeout", "00:00:05"), ("ZoomEvents:TotalTimeout", "00:01:00"));
        var services = new ServiceCollection();
        services.AddZoomEventsClient<FakeZoomClient>(config.GetSection("ZoomEvents"), o => o.MaxRetryAttempts = 3);
        using var provider = services.BuildServiceProvider();

        var o = Get(provider);
        Assert.Equal(("acc", "cid", "sec"), (o.AccountId, o.ClientId, o.ClientSecret));
        Assert.Equal("http://127.0.0.1:5005/v2", o.BaseUrl);
        Assert.True(o.UseTokenApiUrl);
        Assert.Equal(TimeSpan.FromMinutes(2), o.TokenRefreshMargin);
        Assert.Equal(3, o.MaxRetryAttempts); // the delegate runs after binding
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), o.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), o.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), o.TotalTimeout);

        // The base address always ends with '/', so relative generated paths land under /v2/.
        Assert.Equal("http://127.0.0.1:5005/v2/", provider.GetRequiredService<FakeZoomClient>().Http.BaseAddress!.AbsoluteUri);
    }

    [Fact]
    public void Picks_up_the_ZoomEvents_section_of_a_registered_configuration()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Config(("ZoomEvents:AccessToken", "static")));
        services.AddZoomEventsClient<FakeZoomClient>();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("static", Get(provider).AccessToken);
        Assert.Equal("https://api.zoom.us/v2/", provider.GetRequiredService<FakeZoomClient>().Http.BaseAddress!.AbsoluteUri);
    }

    [Fact]
    public void Invalid_settings_fail_on_first_use_naming_each_setting()
    {
        var services = new ServiceCollection();
        services.AddZoomEventsClient<FakeZoomClient>(o => o.BaseUrl = "not a url");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<FakeZoomClient>());
        Assert.Contains("ZoomEvents:AccountId is required", ex.Message);
        Assert.Contains("ZoomEvents:BaseUrl must be an absolute http(s) URL", ex.Message);
    }

    [Fact]
    public void Unparseable_configuration_values_name_the_key()
    {
        var services = new ServiceCollection();
        services.AddZoomEventsClient<FakeZoomClient>(Config(("MaxRetryAttempts", "lots")));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => Get(provider));
        Assert.Contains("ZoomEvents:MaxRetryAttempts must be an integer", ex.Message);
    }

    [Fact]
    public async Task Each_attempt_is_traced_on_the_ZoomEvents_activity_source()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ZoomEventsDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (activities)
                {
                    activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        // The listener is process-wide and other tests run in parallel: a unique path picks out this test's activity.
        var path = "/v2/zoom_events/hubs/" + Guid.NewGuid().ToString("N");
        await host.Client.GetAsync(path.TrimStart('/')[3..] + "?role_type=host");

        Activity[] mine;
        lock (activities)
        {
            mine = [.. activities.Where(a => Equals(a.GetTagItem("url.path"), path))];
        }

        var activity = Assert.Single(mine);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityKind.Client, activity.Kind);
    }

    private static ZoomEventsOptions Get(IServiceProvider provider) =>
        provider.GetRequiredService<IOptionsMonitor<ZoomEventsOptions>>().Get(ZoomEventsServiceCollectionExtensions.GetClientName<FakeZoomClient>());
}
