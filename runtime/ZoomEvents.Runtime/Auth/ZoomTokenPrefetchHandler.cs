namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// Makes sure an access token is at hand before the resilience pipeline starts. Inside the pipeline, token acquisition
/// would run under the API's per-attempt timeout, which is as long as one token attempt: the token client's own
/// retries could never run, a hanging token endpoint would surface as a Polly timeout, and each API retry would start
/// the token request over. Out here a failure ends the call with <see cref="ZoomTokenUnavailableException"/> or
/// <see cref="ZoomTokenRejectedException"/> before any API attempt.
/// </summary>
/// <remarks>
/// <para>
/// The whole call stays within <see cref="ZoomEventsOptions.TotalTimeout"/>: this handler starts the clock, waits for the
/// token for at most that long (a slow token endpoint then ends in <see cref="ZoomTokenUnavailableException"/>), and
/// records the start in the request so the pipeline's total timeout only grants what is left.
/// </para>
/// <para>
/// The token is handed to <see cref="ZoomAuthenticationHandler"/> through the request's options, so a provider without a
/// cache is asked once per call, not twice. The authentication handler only asks again for a retry, or after a 401.
/// </para>
/// </remarks>
public sealed class ZoomTokenPrefetchHandler : DelegatingHandler
{
    /// <summary>The token this handler fetched, for the first attempt of the authentication handler.</summary>
    internal static readonly HttpRequestOptionsKey<ZoomAccessToken> PrefetchedTokenKey = new("ZoomEvents.PrefetchedToken");

    /// <summary>When the call (token wait included) began; the total timeout is measured from here.</summary>
    internal static readonly HttpRequestOptionsKey<DateTimeOffset> CallStartedKey = new("ZoomEvents.CallStarted");

    private readonly IZoomAccessTokenProvider _tokens;
    private readonly TimeSpan? _totalTimeout;
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the handler for <paramref name="tokens"/> (the same provider the authentication handler uses), without a
    /// limit of its own on the token wait.
    /// </summary>
    public ZoomTokenPrefetchHandler(IZoomAccessTokenProvider tokens)
        : this(tokens, null, null)
    {
    }

    /// <summary>Creates the handler; the token wait counts against <paramref name="totalTimeout"/>.</summary>
    /// <param name="tokens">The same provider the authentication handler uses.</param>
    /// <param name="totalTimeout">The budget of the whole call (normally <see cref="ZoomEventsOptions.TotalTimeout"/>); null for none.</param>
    /// <param name="timeProvider">Clock for the budget (tests pass a fake one).</param>
    public ZoomTokenPrefetchHandler(IZoomAccessTokenProvider tokens, TimeSpan? totalTimeout, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (totalTimeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(totalTimeout), t, "The total timeout must be positive.");
        }

        _tokens = tokens;
        _totalTimeout = totalTimeout == Timeout.InfiniteTimeSpan ? null : totalTimeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(CallStartedKey, _time.GetUtcNow());
        ZoomAccessToken token;
        using (var deadline = _totalTimeout is { } limit ? new CancellationTokenSource(limit, _time) : null)
        using (var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
        {
            try
            {
                token = await _tokens.GetTokenAsync(linked?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new ZoomTokenWaitCanceledException(exception, cancellationToken);
            }
            catch (OperationCanceledException exception) when (deadline?.IsCancellationRequested == true)
            {
                throw new ZoomTokenUnavailableException(
                    $"No Zoom access token arrived within the call's total timeout of {_totalTimeout!.Value.TotalSeconds:0.###} s; the request was not sent.",
                    new TimeoutException("The token wait used up ZoomEvents:TotalTimeout.", exception));
            }
        }

        request.Options.Set(PrefetchedTokenKey, token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// The caller cancelled while the request was still waiting for an access token: the API request was never sent.
/// <see cref="Tickets.TicketRegistrar{TRequest, TTicket, TError}"/> uses this to report a batch as not sent rather
/// than as outcome-unknown.
/// </summary>
public sealed class ZoomTokenWaitCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public ZoomTokenWaitCanceledException(Exception? innerException, CancellationToken cancellationToken)
        : base("The request was canceled while it waited for a Zoom access token; it was not sent.", innerException, cancellationToken)
    {
    }
}
