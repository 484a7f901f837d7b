using System.Globalization;
using System.Net;

namespace ZoomEvents.Runtime;

/// <summary>
/// What a response says about Zoom's rate limits. Zoom sends <c>X-RateLimit-Type</c> (<c>QPS</c> or
/// <c>Daily-limit</c>) and <c>Retry-After</c> as delta-seconds, an HTTP date or (for the daily limit) an
/// ISO-8601 UTC timestamp; the headers are sometimes missing altogether, which is treated as QPS.
/// </summary>
/// <param name="IsDailyLimit">The daily budget is exhausted, or the reset is further away than <see cref="FarFutureReset"/>.</param>
/// <param name="RetryAfter">The delay the server asked for, never negative; <see langword="null"/> if not given or unparseable.</param>
/// <param name="ResetAt">The absolute time the limit resets, when known.</param>
/// <param name="LimitType">The raw <c>X-RateLimit-Type</c> header, if any.</param>
public readonly record struct ZoomRateLimitInfo(bool IsDailyLimit, TimeSpan? RetryAfter, DateTimeOffset? ResetAt, string? LimitType)
{
    /// <summary>
    /// A reset further away than this is treated like the daily limit even without the header: no
    /// interactive call should sleep that long.
    /// </summary>
    public static readonly TimeSpan FarFutureReset = TimeSpan.FromHours(1);

    /// <summary>Reads the rate-limit headers of <paramref name="response"/> relative to <paramref name="now"/>.</summary>
    public static ZoomRateLimitInfo FromResponse(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var type = GetHeader(response, "X-RateLimit-Type");
        TimeSpan? retryAfter = null;
        DateTimeOffset? resetAt = null;
        if (TryParseRetryAfter(GetHeader(response, "Retry-After"), now, out var delay, out var absolute))
        {
            retryAfter = delay;
            // An absolute header states the reset itself; only a delta depends on our clock.
            resetAt = absolute ?? now + delay;
        }

        var daily = (type is not null && type.Contains("daily", StringComparison.OrdinalIgnoreCase))
            || (retryAfter is { } d && d > FarFutureReset);
        return new ZoomRateLimitInfo(daily, retryAfter, resetAt, type);
    }

    /// <summary>
    /// Parses a <c>Retry-After</c> value given as delta-seconds (<c>"2"</c>, also <c>"1.5"</c>), an HTTP date
    /// (<c>"Wed, 21 Oct 2015 07:28:00 GMT"</c>) or ISO-8601 (<c>"2020-05-31T00:00:00Z"</c>). Absolute times in
    /// the past yield <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public static bool TryParseRetryAfter(string? value, DateTimeOffset now, out TimeSpan delay) =>
        TryParseRetryAfter(value, now, out delay, out _);

    private static bool TryParseRetryAfter(string? value, DateTimeOffset now, out TimeSpan delay, out DateTimeOffset? absolute)
    {
        delay = TimeSpan.Zero;
        absolute = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return false;
            }

            delay = TimeSpan.FromSeconds(seconds);
            return true;
        }

        // "r" is the RFC 1123 form HTTP uses; the general parse below covers ISO-8601 and the obsolete forms.
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out at))
        {
            absolute = at.ToUniversalTime();
            var diff = at - now;
            delay = diff > TimeSpan.Zero ? diff : TimeSpan.Zero;
            return true;
        }

        return false;
    }

    internal static bool IsRateLimited(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.TooManyRequests;

    internal static string? GetHeader(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values))
        {
            var first = values.FirstOrDefault();
            if (!string.IsNullOrWhiteSpace(first))
            {
                return first;
            }
        }

        // Retry-After is a typed header; HttpClient may have parsed it away from the raw value list.
        if (name.Equals("Retry-After", StringComparison.OrdinalIgnoreCase) && response.Headers.RetryAfter is { } typed)
        {
            if (typed.Delta is { } delta)
            {
                return ((long)delta.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            if (typed.Date is { } date)
            {
                return date.ToString("r", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
