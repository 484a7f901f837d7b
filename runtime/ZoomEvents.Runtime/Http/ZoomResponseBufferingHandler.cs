namespace ZoomEvents.Runtime.Http;

/// <summary>
/// Reads every response body completely before the response leaves the attempt. Generated clients send with
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/> and read the body afterwards, outside every resilience
/// timeout (HttpClient's own timeout is infinite by design); a server that sent the headers and then stalled would
/// hang the caller forever, and a connection reset half-way through the body would escape the retry strategy.
/// Placed inside the resilience pipeline's attempt, a stall runs into the attempt timeout and a broken connection
/// becomes an <see cref="HttpRequestException"/> with <see cref="HttpRequestError.ResponseEnded"/>, retried like any other
/// transient failure (idempotent methods only). Zoom's pages are small JSON documents, so holding one in memory costs
/// nothing worth streaming for; a body over <see cref="MaxBufferSize"/> fails with
/// <see cref="HttpRequestError.ConfigurationLimitExceeded"/>, which is not retried.
/// </summary>
public sealed class ZoomResponseBufferingHandler : DelegatingHandler
{
    /// <summary>The default limit on one buffered response body: 64 MB, far beyond any Zoom Events page.</summary>
    public const long DefaultMaxBufferSize = 64L * 1024 * 1024;

    /// <summary>Creates the handler with <see cref="DefaultMaxBufferSize"/>.</summary>
    public ZoomResponseBufferingHandler()
        : this(DefaultMaxBufferSize)
    {
    }

    /// <summary>Creates the handler.</summary>
    /// <param name="maxBufferSize">Largest body, in bytes, held in memory (1 to <see cref="int.MaxValue"/>).</param>
    public ZoomResponseBufferingHandler(long maxBufferSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBufferSize, int.MaxValue);
        MaxBufferSize = maxBufferSize;
    }

    /// <summary>Largest response body, in bytes, this handler reads into memory.</summary>
    public long MaxBufferSize { get; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxBufferSize, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            response.Dispose();
            throw new HttpRequestException(
                HttpRequestError.ConfigurationLimitExceeded,
                $"The response to {request.Method.Method} {ZoomRedaction.DescribeUri(request.RequestUri)} is larger than " +
                $"ZoomEvents:MaxResponseBufferSize ({MaxBufferSize} bytes).",
                exception,
                response.StatusCode);
        }
        catch (Exception exception) when (IsBrokenConnection(exception) && !cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            // One exception type for "the connection broke" keeps the retry rule and the ticket registrar's
            // "may have reached Zoom" rule in one place. Only method and redacted path are named.
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                $"The response to {request.Method.Method} {ZoomRedaction.DescribeUri(request.RequestUri)} broke off while its body was being read.",
                exception,
                response.StatusCode);
        }
        catch
        {
            // A timeout, cancellation or a protocol error: passed on unchanged (protocol errors are not worth retrying
            // as "the body broke off"); the connection is released here.
            response.Dispose();
            throw;
        }
    }

    // The connection failed under the body (reset, closed early); protocol violations and limits are not that.
    private static bool IsBrokenConnection(Exception exception) => exception switch
    {
        IOException => true,
        HttpRequestException http => http.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.ConnectionError
                                     || (http.HttpRequestError == HttpRequestError.Unknown && http.InnerException is IOException),
        _ => false,
    };
}
