using System.Globalization;
using System.Text.Json.Nodes;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>
/// Applies <see cref="SandboxFaults"/> to <c>/v2/</c> requests: delay, then 429 every Nth request, then a 5xx burst,
/// and finally, for matching requests, processing the request fully and aborting the connection before any byte of the
/// response is sent (the "did my POST happen?" case).
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private SandboxFaults _faults;
    private int _requests;
    private int _matchingDrops;
    private int _rateLimited;
    private int _serverErrors;
    private int _dropped;

    public FaultInjector(SandboxFaults faults, TimeProvider time)
    {
        faults.Validate();
        _faults = faults.Clone();
        _time = time;
    }

    public SandboxFaults Current
    {
        get
        {
            lock (_gate)
            {
                return _faults.Clone();
            }
        }
    }

    public SandboxFaultCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new SandboxFaultCounters(_requests, _rateLimited, _serverErrors, _dropped);
            }
        }
    }

    public void Configure(SandboxFaults faults)
    {
        faults.Validate();
        lock (_gate)
        {
            _faults = faults.Clone();
            _requests = _matchingDrops = _rateLimited = _serverErrors = _dropped = 0;
        }
    }

    private enum Decision
    {
        Pass,
        RateLimit,
        ServerError,
        Drop,
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        SandboxFaults faults;
        Decision decision;
        lock (_gate)
        {
            faults = _faults;
            var number = ++_requests;
            decision = Decide(faults, number, context.Request);
            switch (decision)
            {
                case Decision.RateLimit: _rateLimited++; break;
                case Decision.ServerError: _serverErrors++; break;
                case Decision.Drop: _dropped++; break;
            }
        }

        if (faults.ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(faults.ResponseDelay, _time, context.RequestAborted).ConfigureAwait(false);
        }

        switch (decision)
        {
            case Decision.RateLimit:
                await ZoomErrorMiddleware.WriteAsync(context, 429, new JsonObject
                {
                    ["code"] = 429,
                    ["message"] = faults.DailyLimit
                        ? "The daily rate limit of this API has been reached."
                        : "Too many requests per second for this API; slow down and retry.",
                }, response => WriteRateLimitHeaders(response, faults)).ConfigureAwait(false);
                return;
            case Decision.ServerError:
                await ZoomErrorMiddleware.WriteAsync(context, faults.ServerErrorStatusCode, new JsonObject
                {
                    ["code"] = faults.ServerErrorStatusCode,
                    ["message"] = "Injected server error (sandbox fault injection).",
                }).ConfigureAwait(false);
                return;
            case Decision.Drop:
                // Buffer the response so nothing reaches the socket, let the request take full effect, then reset.
                context.Response.Body = new MemoryStream();
                try
                {
                    await next(context).ConfigureAwait(false);
                }
                finally
                {
                    // Also when the handler failed: the error body then goes into the buffer and is dropped with it.
                    context.Abort();
                }

                return;
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }

    // Called under the lock.
    private Decision Decide(SandboxFaults faults, int number, HttpRequest request)
    {
        // A burst is consecutive by definition, so it wins over the every-Nth 429 that would otherwise split it.
        if (faults.ServerErrorBurstLength > 0 && number >= faults.ServerErrorBurstStartsAt
            && number < (long)faults.ServerErrorBurstStartsAt + faults.ServerErrorBurstLength)
        {
            return Decision.ServerError;
        }

        if (faults.RateLimitEveryNth > 0 && number % faults.RateLimitEveryNth == 0)
        {
            return Decision.RateLimit;
        }

        var matches = faults.DropConnectionCount > 0 &&
            (string.IsNullOrEmpty(faults.DropConnectionMethod) || HttpMethods.Equals(request.Method, faults.DropConnectionMethod)) &&
            (string.IsNullOrEmpty(faults.DropConnectionPathSuffix) || request.Path.Value?.EndsWith(faults.DropConnectionPathSuffix, StringComparison.OrdinalIgnoreCase) == true);
        if (matches)
        {
            var index = _matchingDrops++;
            if (index >= faults.DropConnectionSkip && index < faults.DropConnectionSkip + faults.DropConnectionCount)
            {
                return Decision.Drop;
            }
        }

        return Decision.Pass;
    }

    private void WriteRateLimitHeaders(HttpResponse response, SandboxFaults faults)
    {
        response.Headers["X-RateLimit-Category"] = "Light";
        response.Headers["X-RateLimit-Limit"] = "30";
        response.Headers["X-RateLimit-Remaining"] = "0";
        if (faults.DailyLimit)
        {
            var midnight = new DateTimeOffset(_time.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            response.Headers["X-RateLimit-Type"] = "Daily-limit";
            response.Headers.RetryAfter = ZoomJson.Date(midnight);
        }
        else
        {
            response.Headers["X-RateLimit-Type"] = "QPS";
            response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
