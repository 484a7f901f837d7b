using System.Net;
using System.Net.Http.Headers;

namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer …</c> to every request. On 401 it invalidates exactly the rejected token,
/// fetches a new one and re-sends once; a second 401 is returned to the caller (it means the app lacks
/// access, and looping would only hammer the token endpoint). Optionally redirects requests to the regional
/// host named by the token's <c>api_url</c>.
/// </summary>
public sealed class ZoomAuthenticationHandler : DelegatingHandler
{
    private readonly IZoomAccessTokenProvider _tokens;
    private readonly Uri? _switchableBase;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Where tokens come from.</param>
    /// <param name="regionalSwitchBase">
    /// When set, requests whose host equals this URI's host are re-targeted to the token's <c>api_url</c> host
    /// (see <see cref="ZoomEventsOptions.UseTokenApiUrl"/>). Leave <see langword="null"/> to never switch.
    /// </param>
    public ZoomAuthenticationHandler(IZoomAccessTokenProvider tokens, Uri? regionalSwitchBase = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        _switchableBase = regionalSwitchBase;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The prefetch handler's token serves the first attempt only (taken out, so a retry asks the provider, which
        // knows about expiry); reusing it spares providers without a cache a second token request per call.
        var options = (IDictionary<string, object?>)request.Options;
        var token = options.Remove(ZoomTokenPrefetchHandler.PrefetchedTokenKey.Key, out var prefetched) && prefetched is ZoomAccessToken handed
            ? handed
            : await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Apply(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        _tokens.Invalidate(token);
        ZoomAccessToken fresh;
        try
        {
            fresh = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (string.Equals(fresh.Value, token.Value, StringComparison.Ordinal))
        {
            // Static token (or the provider insists): re-sending would get the same answer.
            return response;
        }

        response.Dispose();
        Apply(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Apply(HttpRequestMessage request, ZoomAccessToken token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        if (_switchableBase is not null && token.ApiUrl is { } api && request.RequestUri is { IsAbsoluteUri: true } uri
            && string.Equals(uri.Host, _switchableBase.Host, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(uri.Host, api.Host, StringComparison.OrdinalIgnoreCase)
            // Never move a request from https to plain http, whatever the token response says.
            && !(uri.Scheme == Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttps))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = api.Scheme, Host = api.Host, Port = api.Port }.Uri;
        }
    }
}
