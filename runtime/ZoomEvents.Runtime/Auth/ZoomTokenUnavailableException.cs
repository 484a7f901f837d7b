namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// The Zoom token endpoint could not be reached (connection failure or timeout) even after the token client's own
/// retries. It is an <see cref="HttpRequestException"/> so callers that handle network failures keep working, but the
/// API pipeline does not retry it: those retries would each start a fresh round of token retries.
/// </summary>
public sealed class ZoomTokenUnavailableException : HttpRequestException
{
    /// <summary>Creates the exception for <paramref name="tokenUri"/>; only scheme, host and path are named, never credentials.</summary>
    public ZoomTokenUnavailableException(Uri tokenUri, Exception innerException)
        : base($"Could not obtain a Zoom access token from {ZoomRedaction.DescribeUri(tokenUri)}: {innerException.Message}", innerException)
    {
    }
}
