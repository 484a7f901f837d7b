namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// Makes sure an access token is at hand before the resilience pipeline starts. Inside the pipeline, token acquisition
/// would run under the API's per-attempt timeout, which is as long as one token attempt: the token client's own
/// retries could never run, a hanging token endpoint would surface as a Polly timeout, and each API retry would start
/// the token request over. Out here the token client's pipeline alone bounds it, and a failure ends the call with
/// <see cref="ZoomTokenUnavailableException"/> or <see cref="ZoomTokenRejectedException"/> before any API attempt.
/// The <see cref="ZoomAuthenticationHandler"/> inside the pipeline then finds the token cached; it only fetches itself
/// when the token expires during retries or Zoom rejects it with 401.
/// </summary>
public sealed class ZoomTokenPrefetchHandler : DelegatingHandler
{
    private readonly IZoomAccessTokenProvider _tokens;

    /// <summary>Creates the handler for <paramref name="tokens"/> (the same provider the authentication handler uses).</summary>
    public ZoomTokenPrefetchHandler(IZoomAccessTokenProvider tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
