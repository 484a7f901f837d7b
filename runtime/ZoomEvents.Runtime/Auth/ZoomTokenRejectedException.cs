using System.Net;

namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// The Zoom token endpoint refused to issue a token (a 4xx such as <c>invalid_client</c>): the credentials, the
/// account id or the app's activation are wrong, so every further request would fail the same way. No API request
/// was sent. It is a <see cref="ZoomApiException"/> carrying the endpoint's status and <c>reason</c>, never the
/// credentials.
/// </summary>
public sealed class ZoomTokenRejectedException : ZoomApiException
{
    /// <summary>Creates the exception from the token endpoint's parsed error response.</summary>
    public ZoomTokenRejectedException(ZoomApiException response)
        : base(
            (response ?? throw new ArgumentNullException(nameof(response))).StatusCode, response.ErrorCode, response.ZoomMessage,
            response.FieldErrors, response.RequestId, response.RawBody, response.RetryAfter, "token request", response)
    {
    }

    /// <summary>Creates the exception from parts (tests, custom token providers).</summary>
    public ZoomTokenRejectedException(HttpStatusCode statusCode, string? reason)
        : base(statusCode, null, reason, null, null, null, null, "token request")
    {
    }
}
