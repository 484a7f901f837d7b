namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// No Zoom access token could be obtained even after the token client's own retries: the token endpoint could not be
/// reached, timed out, kept answering 5xx/408/429, or sent a body without a token. No API request was sent.
/// It is an <see cref="HttpRequestException"/> so callers that handle network failures keep working, but the API
/// pipeline does not retry it (those retries would each start a fresh round of token retries), and
/// <see cref="Tickets.TicketRegistrar"/> treats it as "not sent" and stops the run instead of looking tickets up.
/// </summary>
public sealed class ZoomTokenUnavailableException : HttpRequestException
{
    /// <summary>Creates the exception for <paramref name="tokenUri"/>; only scheme, host and path are named, never credentials.</summary>
    public ZoomTokenUnavailableException(Uri tokenUri, Exception innerException)
        : base($"Could not obtain a Zoom access token from {ZoomRedaction.DescribeUri(tokenUri)}: {innerException?.Message}", innerException)
    {
    }

    /// <summary>Creates the exception with a message of its own (which must name no credentials).</summary>
    public ZoomTokenUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
