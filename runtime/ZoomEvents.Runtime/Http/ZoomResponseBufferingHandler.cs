namespace ZoomEvents.Runtime.Http;

/// <summary>
/// Reads every response body completely before the response leaves the attempt. Generated clients send with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> and read the body afterwards, outside every resilience
/// timeout (HttpClient's own timeout is infinite by design); a server that sent the headers and then stalled would
/// hang the caller forever, and a connection reset half-way through the body would escape the retry strategy.
/// Placed inside the resilience pipeline's attempt, a stall runs into the attempt timeout and a reset becomes an
/// <see cref="HttpRequestException"/>, so both are retried like any other transient failure (idempotent methods only).
/// Zoom's pages are small JSON documents, so holding one in memory costs nothing worth streaming for.
/// </summary>
public sealed class ZoomResponseBufferingHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            // One exception type for "the transport failed" keeps the retry rule and the ticket registrar's
            // "may have reached Zoom" rule in one place. Only method and redacted path are named.
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                $"The response to {request.Method.Method} {ZoomRedaction.DescribeUri(request.RequestUri)} broke off while its body was being read.",
                exception,
                response.StatusCode);
        }
        catch
        {
            // A timeout or cancellation: the attempt's owner decides what happens next; the connection is released here.
            response.Dispose();
            throw;
        }
    }
}
