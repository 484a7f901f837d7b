using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZoomEvents.ConsumerPacts.Tests.Zoom;
using ZoomEvents.Pact;
using ZoomEvents.Pact.Pinning;
using ZoomEvents.Runtime;
using PactDsl = ZoomEvents.Pact.Pact;

namespace ZoomEvents.ConsumerPacts.Tests.Infrastructure;

/// <summary>
/// Where the consumer pacts go and how the generated client is pointed at the Pact mock server. Every test gets its
/// own <see cref="PactV4"/> (a fresh native pact handle, so no test can "miss" another test's interaction).
/// </summary>
internal static class ZoomPact
{
    /// <summary>Consumer name in the pact file; the generated client is the consumer.</summary>
    public const string Consumer = "ZoomEventsClient";

    /// <summary>Provider name in the pact file; the sandbox (and Zoom) is the provider.</summary>
    public const string Provider = "ZoomEvents";

    /// <summary>The static bearer token the client sends to the mock server (the pact matches any bearer token).</summary>
    public const string TestToken = "contract-test-token";

    /// <summary>The committed pacts (<c>contracts/pacts</c>).</summary>
    public static string PinnedDirectory { get; } = Path.Combine(PactFiles.FindRepositoryRoot(), "contracts", "pacts");

    /// <summary>The committed pact file of this consumer/provider pair.</summary>
    public static string PinnedFile { get; } = Path.Combine(PinnedDirectory, $"{Consumer}-{Provider}.json");

    /// <summary>
    /// Pact files of this test run, under the test output. Emptied once per run, because the engine merges into an
    /// existing file and would otherwise keep interactions of earlier runs.
    /// </summary>
    public static string RunDirectory => PactFiles.ResetDirectoryOnce(Path.Combine(AppContext.BaseDirectory, "pacts"));

    /// <summary>
    /// A pact for one test: merged into <see cref="RunDirectory"/> and, unless the pins are being refreshed, checked
    /// interaction by interaction against the committed pact. In refresh mode (<c>PACT_PINS_UPDATE=1</c>) only
    /// <see cref="Pinning.PinnedPactTests"/> rewrites the committed file, from one complete run, so parallel tests never
    /// race on it and interactions no test produces any more disappear.
    /// </summary>
    public static PactV4 Create(ITestOutputHelper output) => PactDsl.V4(Consumer, Provider, new PactConfig
    {
        PactDir = RunDirectory,
        PinnedPactDir = PactPinning.UpdateRequested ? null : PinnedDirectory,
        Output = output.WriteLine,
    });

    /// <summary>
    /// The generated client, registered the way applications register it (<c>AddZoomEventsClient</c>, so the
    /// runtime's auth handler adds the bearer token), with its base address on the mock server's <c>/v2/</c>.
    /// </summary>
    /// <remarks>
    /// Retries are off: a pact pins single exchanges, and a retried mismatch (the mock answers 500) would only slow
    /// the failure down. Retry behaviour is the runtime's own test suite's business.
    /// </remarks>
    public static ZoomTestClient Client(IConsumerContext context, Action<ZoomEventsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddZoomEventsClient(options =>
        {
            options.BaseUrl = new Uri(context.MockServerUri, "v2/").ToString();
            options.AccessToken = TestToken;
            options.MaxRetryAttempts = 0;
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        return new ZoomTestClient(provider, provider.GetRequiredService<ZoomEventsClient>());
    }
}

/// <summary>The generated client plus the container that owns its handlers.</summary>
internal sealed class ZoomTestClient(ServiceProvider services, ZoomEventsClient zoom) : IAsyncDisposable
{
    public ZoomEventsClient Zoom { get; } = zoom;

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
