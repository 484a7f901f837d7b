using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ZoomEvents.Runtime.Auth;

namespace ZoomEvents.Runtime.Tests.Infrastructure;

/// <summary>Stands in for a generated client: the runtime only needs a type constructed with an HttpClient.</summary>
public sealed class FakeZoomClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<string> GetAsync(string relativePath, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relativePath);
        using var response = await ZoomHttp.SendAsync(Http, request, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task<string> PostAsync(string relativePath, string json, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, relativePath)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await ZoomHttp.SendAsync(Http, request, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }
}

/// <summary>A DI container wired exactly like production, with a scripted network, a fake clock and captured logs.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AccountId = "acct-1234";
    public const string ClientId = "client-abcd";
    public const string ClientSecret = "s3cr3t-CLIENT-VALUE";

    private TestHost(ServiceProvider provider, ScriptedHandler handler, FakeTimeProvider time, FakeLogCollector logs)
    {
        Provider = provider;
        Handler = handler;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Provider { get; }

    public ScriptedHandler Handler { get; }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs { get; }

    public FakeZoomClient Client => Provider.GetRequiredService<FakeZoomClient>();

    public IZoomAccessTokenProvider Tokens =>
        Provider.GetRequiredKeyedService<IZoomAccessTokenProvider>(ZoomEventsServiceCollectionExtensions.GetClientName<FakeZoomClient>());

    public static TestHost Create(Action<ScriptedHandler> script, Action<ZoomEventsOptions>? configure = null)
    {
        // Whole seconds: HTTP dates have second precision, so the arithmetic in tests stays exact.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler(time);
        script(handler);
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => handler));
        services.AddZoomEventsClient<FakeZoomClient>(o =>
        {
            o.AccountId = AccountId;
            o.ClientId = ClientId;
            o.ClientSecret = ClientSecret;
            configure?.Invoke(o);
        });
        return new TestHost(services.BuildServiceProvider(), handler, time, logs);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while moving the fake clock forward in small steps, so Polly's delays and
    /// timeouts elapse instantly in real time but in order on the fake clock.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, TimeSpan? step = null)
    {
        var task = work();
        var tick = step ?? TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                Time.Advance(tick);
            }
        }

        return await task;
    }

    public Task RunAsync(Func<Task> work, TimeSpan? step = null) => RunAsync(async () =>
    {
        await work();
        return true;
    }, step);

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
