namespace ZoomEvents.Runtime;

/// <summary>The single entry point generated clients use to send a request.</summary>
public static class ZoomHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> and returns the successful response (caller disposes it).
    /// Any non-2xx response is disposed and turned into a <see cref="ZoomApiException"/>
    /// (<see cref="ZoomRateLimitException"/> for 429). Retries, auth and rate limits are handled by the
    /// <see cref="HttpClient"/>'s handler pipeline (see <see cref="ZoomEventsServiceCollectionExtensions"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        if (http.BaseAddress is null && request.RequestUri is { IsAbsoluteUri: false })
        {
            throw new InvalidOperationException(
                "The HttpClient has no BaseAddress, so the relative Zoom path cannot be resolved. " +
                "Register the client with AddZoomEventsClient or set BaseAddress to e.g. https://api.zoom.us/v2/.");
        }

        // The handler pipeline has already buffered the body inside the attempt (ZoomResponseBufferingHandler), under
        // its timeout and retries; headers-read only stops HttpClient from copying it a second time.
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ZoomApiException.FromResponseAsync(response, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }
}
