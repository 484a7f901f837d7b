using System.Net;
using System.Text.Json;

namespace ZoomEvents.Runtime;

/// <summary>One field-level validation message from a Zoom error body (<c>errors[]</c>).</summary>
/// <param name="Field">The JSON field Zoom complained about (may be empty when Zoom omits it).</param>
/// <param name="Message">Zoom's explanation for that field.</param>
public sealed record ZoomFieldError(string Field, string Message);

/// <summary>
/// Thrown when the Zoom API answers with a non-success status. Carries everything Zoom said
/// (status, <c>code</c>, <c>message</c>, field errors, the raw body and the tracking id) so callers can
/// branch on it without re-parsing. The <see cref="Exception.Message"/> is built only from the
/// response, the method and the path (never the query, headers or credentials), so it is safe to log.
/// </summary>
public class ZoomApiException : Exception
{
    /// <summary>Creates the exception from already-parsed parts.</summary>
    public ZoomApiException(
        HttpStatusCode statusCode,
        int? errorCode,
        string? zoomMessage,
        IReadOnlyList<ZoomFieldError>? fieldErrors,
        string? requestId,
        string? rawBody,
        TimeSpan? retryAfter = null,
        string? requestDescription = null,
        Exception? innerException = null)
        : base(BuildMessage(statusCode, errorCode, zoomMessage, fieldErrors, requestId, requestDescription), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ZoomMessage = zoomMessage;
        FieldErrors = fieldErrors ?? [];
        RequestId = requestId;
        RawBody = rawBody;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Zoom's numeric <c>code</c> (per endpoint; e.g. 300 = validation failed), when present.</summary>
    public int? ErrorCode { get; }

    /// <summary>Zoom's <c>message</c> / <c>error_message</c> / token-endpoint <c>reason</c>, when present.</summary>
    public string? ZoomMessage { get; }

    /// <summary>Field-level validation errors (<c>errors[]</c>); empty when there are none.</summary>
    public IReadOnlyList<ZoomFieldError> FieldErrors { get; }

    /// <summary>Zoom's tracking id from the response headers (<c>x-zm-trackingid</c>), for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>The response body exactly as received (may be <see langword="null"/> for an empty body).</summary>
    public string? RawBody { get; }

    /// <summary>How long the server asked the caller to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Builds the exception from a failed response: reads the body, parses Zoom's error shapes and the
    /// rate-limit headers. Returns a <see cref="ZoomRateLimitException"/> for 429.
    /// </summary>
    public static async Task<ZoomApiException> FromResponseAsync(
        HttpResponseMessage response, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? body = null;
        if (response.Content is not null)
        {
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                // The status line already tells the caller what went wrong; a body that cannot be read
                // must not hide it behind a transport error.
                body = null;
            }
        }

        var parsed = ZoomErrorBody.Parse(body);
        var requestId = ZoomRateLimitInfo.GetHeader(response, "x-zm-trackingid")
            ?? ZoomRateLimitInfo.GetHeader(response, "x-zm-request-id")
            ?? ZoomRateLimitInfo.GetHeader(response, "x-request-id");
        var description = DescribeRequest(response.RequestMessage);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var info = ZoomRateLimitInfo.FromResponse(response, now);
            return new ZoomRateLimitException(
                response.StatusCode, parsed.Code, parsed.Message, parsed.Errors, requestId, body,
                info.RetryAfter, info.IsDailyLimit, info.ResetAt, description);
        }

        TimeSpan? retryAfter = ZoomRateLimitInfo.TryParseRetryAfter(
            ZoomRateLimitInfo.GetHeader(response, "Retry-After"), now, out var delay) ? delay : null;
        return new ZoomApiException(
            response.StatusCode, parsed.Code, parsed.Message, parsed.Errors, requestId, body, retryAfter, description);
    }

    // Only method and path: query strings can carry account ids or filters the user considers private.
    internal static string? DescribeRequest(HttpRequestMessage? request)
    {
        if (request?.RequestUri is not { } uri)
        {
            return null;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
        return request.Method.Method + " " + path;
    }

    private static string BuildMessage(
        HttpStatusCode status, int? code, string? zoomMessage, IReadOnlyList<ZoomFieldError>? fields,
        string? requestId, string? requestDescription)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("Zoom API ");
        if (requestDescription is not null)
        {
            sb.Append(requestDescription).Append(' ');
        }

        sb.Append("failed with HTTP ").Append((int)status).Append(" (").Append(status).Append(')');
        if (code is not null)
        {
            sb.Append(", Zoom code ").Append(code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(zoomMessage))
        {
            sb.Append(": ").Append(zoomMessage);
        }

        if (fields is { Count: > 0 })
        {
            sb.Append(" [");
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append("; ");
                }

                sb.Append(string.IsNullOrEmpty(fields[i].Field) ? "(no field)" : fields[i].Field)
                  .Append(": ").Append(fields[i].Message);
            }

            sb.Append(']');
        }

        if (requestId is not null)
        {
            sb.Append(" (tracking id ").Append(requestId).Append(')');
        }

        return sb.ToString();
    }
}

/// <summary>
/// Thrown for HTTP 429 once retries are exhausted, or immediately for Zoom's daily limit
/// (<c>X-RateLimit-Type: Daily-limit</c>), where waiting inside the client would block for hours.
/// </summary>
public sealed class ZoomRateLimitException : ZoomApiException
{
    /// <summary>Creates the exception from already-parsed parts.</summary>
    public ZoomRateLimitException(
        HttpStatusCode statusCode,
        int? errorCode,
        string? zoomMessage,
        IReadOnlyList<ZoomFieldError>? fieldErrors,
        string? requestId,
        string? rawBody,
        TimeSpan? retryAfter,
        bool isDailyLimit,
        DateTimeOffset? resetAt = null,
        string? requestDescription = null)
        : base(statusCode, errorCode, zoomMessage, fieldErrors, requestId, rawBody, retryAfter,
            (isDailyLimit ? "[daily limit]" : "[rate limit]") + (requestDescription is null ? string.Empty : " " + requestDescription))
    {
        IsDailyLimit = isDailyLimit;
        ResetAt = resetAt;
    }

    /// <summary>
    /// True when the account's daily budget is exhausted (or the reset is so far away that retrying
    /// inside this call would be pointless). Schedule the work for after <see cref="ResetAt"/>.
    /// </summary>
    public bool IsDailyLimit { get; }

    /// <summary>When the limit resets, if the server gave an absolute time or a delay.</summary>
    public DateTimeOffset? ResetAt { get; }
}

/// <summary>Parses the error bodies Zoom uses; tolerant because Zoom is not consistent across endpoints.</summary>
internal readonly record struct ZoomErrorBody(int? Code, string? Message, IReadOnlyList<ZoomFieldError> Errors)
{
    public static ZoomErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new(null, null, []);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, null, []);
            }

            var root = doc.RootElement;
            int? code = ReadCode(root, "code");
            // Zoom uses "message" almost everywhere, "error_message" on a few endpoints, and the OAuth
            // endpoint answers {reason, error} (reason is the human text, error the machine code).
            var message = ReadString(root, "message") ?? ReadString(root, "error_message") ?? ReadString(root, "reason");
            var oauthError = ReadString(root, "error");
            if (oauthError is not null)
            {
                message = message is null ? oauthError : message + " (" + oauthError + ")";
            }

            var errors = new List<ZoomFieldError>();
            if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        errors.Add(new ZoomFieldError(
                            ReadString(item, "field") ?? string.Empty,
                            ReadString(item, "message") ?? ReadString(item, "error_message") ?? string.Empty));
                    }
                    else if (item.ValueKind == JsonValueKind.String)
                    {
                        errors.Add(new ZoomFieldError(string.Empty, item.GetString() ?? string.Empty));
                    }
                }
            }

            return new(code, message, errors);
        }
        catch (JsonException)
        {
            // Proxies and load balancers answer with HTML; RawBody keeps it, the parse just yields nothing.
            return new(null, null, []);
        }
    }

    private static string? ReadString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? ReadCode(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out var i))
            {
                return i;
            }

            return value.TryGetDouble(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
        }

        return value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s)
            ? s : null;
    }
}
