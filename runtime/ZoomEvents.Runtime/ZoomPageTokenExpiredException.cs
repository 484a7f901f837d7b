namespace ZoomEvents.Runtime;

/// <summary>
/// A paged listing could not continue: Zoom refused a <c>next_page_token</c> older than its 15-minute lifetime. The
/// listing has to start again from the first page; resuming is impossible (the token is gone) and skipping what was
/// already read would be a guess, because the list may have changed in between. <see cref="ItemsRead"/> says how much
/// the caller had already received. The response Zoom sent is kept as the <see cref="Exception.InnerException"/>, and
/// its status, code and body are copied onto this exception.
/// </summary>
public sealed class ZoomPageTokenExpiredException : ZoomApiException
{
    /// <summary>Creates the exception from Zoom's refusal of the stale token.</summary>
    public ZoomPageTokenExpiredException(ZoomApiException refusal, int pagesRead, int itemsRead, TimeSpan tokenAge)
        : base(
            (refusal ?? throw new ArgumentNullException(nameof(refusal))).StatusCode,
            refusal.ErrorCode,
            refusal.ZoomMessage,
            refusal.FieldErrors,
            refusal.RequestId,
            refusal.RawBody,
            refusal.RetryAfter,
            requestDescription: null,
            refusal)
    {
        PagesRead = pagesRead;
        ItemsRead = itemsRead;
        TokenAge = tokenAge;
    }

    /// <inheritdoc />
    /// <remarks>Built from counts, the token's age and the refusal's own (log-safe) message; never the token itself.</remarks>
    public override string Message => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"A paged listing stopped after {PagesRead} pages ({ItemsRead} items): its next_page_token was {TokenAge.TotalMinutes:0.#} "
            + $"minutes old and Zoom keeps them {ZoomPaging.PageTokenLifetime.TotalMinutes:0}. Start the listing again. {InnerException!.Message}");

    /// <summary>Pages fully received before the refusal.</summary>
    public int PagesRead { get; }

    /// <summary>Items handed to the caller before the refusal.</summary>
    public int ItemsRead { get; }

    /// <summary>How long the caller held the token before using it.</summary>
    public TimeSpan TokenAge { get; }
}
