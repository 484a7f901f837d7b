using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZoomEvents.Runtime.Http;

/// <summary>Names used for tracing and logging, so consumers can subscribe without magic strings.</summary>
public static class ZoomEventsDiagnostics
{
    /// <summary>The <see cref="ActivitySource"/> name (subscribe with OpenTelemetry's <c>AddSource("ZoomEvents")</c>).</summary>
    public const string ActivitySourceName = "ZoomEvents";

    /// <summary>Logger category used by the request logging handler.</summary>
    public const string LoggerCategory = "ZoomEvents.Http";

    /// <summary>The source that emits one activity per HTTP attempt.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);
}

/// <summary>
/// Logs each attempt's method, path, status and duration and wraps it in an activity. Headers are never
/// logged and query values are masked (see <see cref="ZoomRedaction.DescribeUri"/>), so the bearer token,
/// Basic credentials and personal filters cannot leak through this handler.
/// </summary>
public sealed partial class ZoomLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    public ZoomLoggingHandler(ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = ZoomRedaction.DescribeUri(request.RequestUri);
        using var activity = ZoomEventsDiagnostics.ActivitySource.StartActivity("ZoomEvents " + method, ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.path", request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : path);
        activity?.SetTag("server.address", request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : null);

        var start = _time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(start).TotalMilliseconds;
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            var trackingId = ZoomRateLimitInfo.GetHeader(response, "x-zm-trackingid");
            if (response.IsSuccessStatusCode)
            {
                LogSuccess(_logger, method, path, status, elapsed);
            }
            else
            {
                activity?.SetStatus(ActivityStatusCode.Error, "HTTP " + status);
                LogFailure(_logger, method, path, status, elapsed, trackingId,
                    ZoomRateLimitInfo.GetHeader(response, "X-RateLimit-Type"));
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var elapsed = _time.GetElapsedTime(start).TotalMilliseconds;
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            // Only the exception type: transport messages can embed the full URL including the query.
            LogTransportError(_logger, method, path, elapsed, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Zoom HTTP {Method} {Path} -> {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogSuccess(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Zoom HTTP {Method} {Path} -> {StatusCode} in {ElapsedMs:0.0} ms (tracking id {TrackingId}, rate limit type {RateLimitType})")]
    private static partial void LogFailure(ILogger logger, string method, string path, int statusCode, double elapsedMs, string? trackingId, string? rateLimitType);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Zoom HTTP {Method} {Path} failed after {ElapsedMs:0.0} ms: {ErrorType}")]
    private static partial void LogTransportError(ILogger logger, string method, string path, double elapsedMs, string errorType);
}
