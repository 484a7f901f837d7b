using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace ZoomEvents.Runtime.Http;

/// <summary>Per-request switches read by the Zoom resilience pipeline.</summary>
public static class ZoomRequestOptions
{
    /// <summary>
    /// Set to <see langword="true"/> on a non-idempotent request (POST/PATCH) whose repetition is harmless, to let
    /// transient failures be retried. Leave unset for anything that creates resources: a timeout after the
    /// server received the request would otherwise create it twice (use <c>TicketRegistrar</c> for tickets).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> RetryNonIdempotent = new("ZoomEvents.RetryNonIdempotent");
}

/// <summary>
/// The Polly pipeline every Zoom client uses, built with Microsoft.Extensions.Http.Resilience:
/// total timeout → retry → per-attempt timeout. Retry rules: 429 is retried for every method (Zoom rejects it
/// before doing any work) after <c>Retry-After</c> or, without one, a short jittered back-off; the daily limit
/// or a <c>Retry-After</c> beyond <see cref="ZoomEventsOptions.MaxRetryAfter"/> is not retried, so
/// <see cref="ZoomHttp"/> throws <see cref="ZoomRateLimitException"/> at once. Neither is a 429 whose wait would
/// not end before <see cref="ZoomEventsOptions.TotalTimeout"/> runs out: sleeping into the total timeout would only
/// turn the server's clear answer into a <see cref="TimeoutRejectedException"/>. 408/500/502/503/504, timeouts
/// and connection failures are retried only for idempotent methods.
/// </summary>
public static partial class ZoomResilience
{
    // When the current call's total budget started (set by the total timeout as the call begins).
    private static readonly ResiliencePropertyKey<DateTimeOffset> CallStartedKey = new("ZoomEvents.CallStarted");

    // The 429 delay chosen while deciding to retry, so the delay used is the one that was checked against the budget.
    private static readonly ResiliencePropertyKey<TimeSpan?> PlannedDelayKey = new("ZoomEvents.PlannedDelay");

    /// <summary>Adds Zoom's strategies to <paramref name="builder"/>.</summary>
    /// <param name="builder">The pipeline being built (from <c>AddResilienceHandler</c>).</param>
    /// <param name="options">Client settings (timeouts, retry limits).</param>
    /// <param name="timeProvider">Clock for delays and timeouts; tests pass a fake one.</param>
    /// <param name="treatAllMethodsAsIdempotent">True for endpoints where repeating any request is harmless (the token endpoint).</param>
    /// <param name="logger">Receives one entry per retry with the reason and the chosen delay.</param>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddZoomStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ZoomEventsOptions options,
        TimeProvider? timeProvider = null,
        bool treatAllMethodsAsIdempotent = false,
        ILogger? logger = null)
    {
        var log = logger ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var time = timeProvider ?? TimeProvider.System;
        builder.TimeProvider = time;
        var settings = options.Clone();
        // Polly's own log lines print outcomes verbatim, and a transport exception's message can carry the full
        // URL including query values. Our handlers log the same facts redacted, so Polly's logging is switched
        // off here (its metrics stay on: they only carry status codes and exception type names).
        builder.ConfigureTelemetry(new TelemetryOptions { LoggerFactory = NullLoggerFactory.Instance });

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "ZoomTotalTimeout",
            // Called once as the call begins: the retry strategy measures the remaining budget from this instant.
            // When the prefetch handler started the call earlier (it waited for the token), only what is left of
            // the budget is granted, so token wait plus API attempts never exceed TotalTimeout.
            TimeoutGenerator = args =>
            {
                var now = time.GetUtcNow();
                var started = args.Context.GetRequestMessage() is { } request
                              && request.Options.TryGetValue(Auth.ZoomTokenPrefetchHandler.CallStartedKey, out var at) && at <= now
                    ? at
                    : now;
                args.Context.Properties.Set(CallStartedKey, started);
                var remaining = settings.TotalTimeout - (now - started);
                // Polly treats a non-positive timeout as "none"; the smallest positive one fails at once instead.
                return ValueTask.FromResult(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1));
            },
        });
        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "ZoomRetry",
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldHandle(args.Outcome, args.Context, args.AttemptNumber, settings, time, treatAllMethodsAsIdempotent, log)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(PlannedDelayKey, out var planned) && planned is not null
                        ? planned
                        : GetRateLimitDelay(args.Outcome, args.AttemptNumber, settings, time.GetUtcNow())),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var reason = args.Outcome.Result is { } r
                        ? "HTTP " + ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    LogRetry(log, request?.Method.Method ?? "?", ZoomRedaction.DescribeUri(request?.RequestUri),
                        reason, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "ZoomAttemptTimeout", Timeout = settings.AttemptTimeout });
        return builder;
    }

    /// <summary>True for methods whose repetition cannot duplicate work (RFC 9110 idempotent methods).</summary>
    public static bool IsIdempotent(HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options || method == HttpMethod.Trace;
    }

    /// <summary>The retry decision, exposed so it can be tested and reused by custom pipelines.</summary>
    public static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, ZoomEventsOptions options, DateTimeOffset now,
        bool treatAllMethodsAsIdempotent = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var info = ZoomRateLimitInfo.FromResponse(response, now);
                return !info.IsDailyLimit && (info.RetryAfter is null || info.RetryAfter <= options.MaxRetryAfter);
            }

            return IsTransientStatus(response.StatusCode) && MayRepeat(request ?? response.RequestMessage, treatAllMethodsAsIdempotent);
        }

        // A token endpoint that stayed down through the token client's own retries is not retried again here.
        // Neither is a body over the buffer limit or a malformed response: the same answer would come back.
        return outcome.Exception is (HttpRequestException { HttpRequestError: not (HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.InvalidResponse) }
                                     and not Auth.ZoomTokenUnavailableException) or TimeoutRejectedException
            && MayRepeat(request, treatAllMethodsAsIdempotent);
    }

    // The retry decision plus the budget check for 429s. A 429 is retried only if its wait ends before the total
    // timeout does; otherwise the 429 itself is returned and ZoomHttp throws ZoomRateLimitException.
    private static bool ShouldHandle(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber, ZoomEventsOptions settings,
        TimeProvider time, bool treatAllMethodsAsIdempotent, ILogger log)
    {
        context.Properties.Set(PlannedDelayKey, null);
        var request = context.GetRequestMessage();
        var now = time.GetUtcNow();
        if (!ShouldRetry(outcome, request, settings, now, treatAllMethodsAsIdempotent))
        {
            return false;
        }

        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return true;
        }

        var delay = GetRateLimitDelay(outcome, attemptNumber, settings, now) ?? TimeSpan.Zero;
        if (context.Properties.TryGetValue(CallStartedKey, out var started))
        {
            var remaining = settings.TotalTimeout - (now - started);
            if (delay >= remaining)
            {
                LogRateLimitBeyondBudget(log, request?.Method.Method ?? "?", ZoomRedaction.DescribeUri(request?.RequestUri),
                    delay.TotalMilliseconds, Math.Max(0, remaining.TotalMilliseconds));
                return false;
            }
        }

        context.Properties.Set(PlannedDelayKey, delay);
        return true;
    }

    /// <summary>
    /// Delay before the next attempt of a 429: the server's <c>Retry-After</c> when given, otherwise a jittered
    /// back-off of 1–2 × <see cref="ZoomEventsOptions.RetryBaseDelay"/> doubling per attempt (Zoom omits the
    /// headers on some QPS rejections). Returns <see langword="null"/> for other outcomes, so Polly's
    /// exponential jittered back-off applies.
    /// </summary>
    public static TimeSpan? GetRateLimitDelay(Outcome<HttpResponseMessage> outcome, int attemptNumber, ZoomEventsOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            return null;
        }

        var info = ZoomRateLimitInfo.FromResponse(response, now);
        if (info.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        var factor = Math.Pow(2, Math.Min(attemptNumber, 10)) * (1 + Random.Shared.NextDouble());
        var delay = TimeSpan.FromTicks((long)(options.RetryBaseDelay.Ticks * factor));
        return options.MaxRetryAfter > TimeSpan.Zero && delay > options.MaxRetryAfter ? options.MaxRetryAfter : delay;
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning,
        Message = "Zoom HTTP {Method} {Path}: {Reason}; retry {RetryNumber} in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string method, string path, string reason, int retryNumber, double delayMs);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning,
        Message = "Zoom HTTP {Method} {Path}: HTTP 429 asks for {DelayMs:0} ms but only {RemainingMs:0} ms of the total timeout remain; not retrying")]
    private static partial void LogRateLimitBeyondBudget(ILogger logger, string method, string path, double delayMs, double remainingMs);

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool MayRepeat(HttpRequestMessage? request, bool treatAllMethodsAsIdempotent)
    {
        if (treatAllMethodsAsIdempotent)
        {
            return true;
        }

        if (request is null)
        {
            // Without the request we cannot prove the call is safe to repeat.
            return false;
        }

        return IsIdempotent(request.Method)
            || (request.Options.TryGetValue(ZoomRequestOptions.RetryNonIdempotent, out var optIn) && optIn);
    }
}
