using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Http;

namespace ZoomEvents.Runtime;

/// <summary>
/// Builds an <see cref="HttpClient"/> with the same pipeline as
/// <see cref="ZoomEventsServiceCollectionExtensions.AddZoomEventsClient{TClient}(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ZoomEventsOptions}?)"/>
/// (token prefetch → resilience → auth → logging → body buffering) for programs without dependency injection: scripts, tools, tests.
/// Pass the result to a generated client's constructor. Prefer the DI registration in long-running apps so
/// connections are pooled and recycled by <see cref="IHttpClientFactory"/>.
/// </summary>
public static class ZoomEventsHttpClient
{
    /// <summary>Creates the client.</summary>
    /// <param name="options">Settings; validated here so mistakes fail immediately.</param>
    /// <param name="primaryHandler">
    /// The handler that does the I/O (default: a new <see cref="SocketsHttpHandler"/>). It is owned by the returned
    /// client and disposed with it.
    /// </param>
    /// <param name="loggerFactory">Where request, retry and token logs go (default: nowhere).</param>
    /// <param name="timeProvider">Clock for token expiry, delays and timeouts (default: system clock).</param>
    /// <exception cref="InvalidOperationException">The settings are invalid; the message names each problem.</exception>
    public static HttpClient Create(
        ZoomEventsOptions options,
        HttpMessageHandler? primaryHandler = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = options.Clone();
        var time = timeProvider ?? TimeProvider.System;
        var logs = loggerFactory ?? NullLoggerFactory.Instance;
        var httpLogger = logs.CreateLogger(ZoomEventsDiagnostics.LoggerCategory);
        var primary = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

        IZoomAccessTokenProvider tokens;
        if (settings.UsesStaticToken)
        {
            tokens = new StaticAccessTokenProvider(settings.AccessToken!);
        }
        else
        {
            // The token client shares the primary handler but must not dispose it: the API client owns it.
            var tokenPipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddZoomStrategies(settings, time, treatAllMethodsAsIdempotent: true, httpLogger)
                .Build();
            var tokenChain = new ResilienceHandler(tokenPipeline) { InnerHandler = new ZoomLoggingHandler(httpLogger, time) { InnerHandler = Buffered(primary, settings.MaxResponseBufferSize) } };
            var tokenClient = new HttpClient(tokenChain, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            tokens = new ServerToServerTokenProvider(tokenClient, settings, time, logs.CreateLogger<ServerToServerTokenProvider>());
        }

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddZoomStrategies(settings, time, logger: httpLogger).Build();
        var chain = new ZoomTokenPrefetchHandler(tokens, settings.TotalTimeout, time)
        {
            InnerHandler = new ResilienceHandler(pipeline)
            {
                InnerHandler = new ZoomAuthenticationHandler(tokens, settings.UseTokenApiUrl ? settings.GetBaseAddress() : null)
                {
                    InnerHandler = new ZoomLoggingHandler(httpLogger, time) { InnerHandler = Buffered(primary, settings.MaxResponseBufferSize) },
                },
            },
        };
        return new HttpClient(chain, disposeHandler: true)
        {
            BaseAddress = settings.GetBaseAddress(),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    // Each chain needs its own buffering handler: a DelegatingHandler can have only one inner handler, and the
    // token chain and the API chain share the primary one.
    private static ZoomResponseBufferingHandler Buffered(HttpMessageHandler primary, long maxBufferSize) => new(maxBufferSize) { InnerHandler = primary };
}
