using System.Runtime.CompilerServices;

namespace ZoomEvents.Runtime;

/// <summary>Turns Zoom's <c>next_page_token</c> paging into one <see cref="IAsyncEnumerable{T}"/>.</summary>
public static class ZoomPaging
{
    /// <summary>How long Zoom honours a <c>next_page_token</c> after sending it.</summary>
    public static TimeSpan PageTokenLifetime { get; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Fetches pages lazily: the first call gets a <see langword="null"/> token, each further call the
    /// previous page's <c>next_page_token</c>; stops at an empty or missing token. Zoom's tokens expire after
    /// 15 minutes, so a consumer that pauses longer between pages cannot continue: when Zoom refuses a token that
    /// old, the listing ends with a <see cref="ZoomPageTokenExpiredException"/> (how far it got, and that it must
    /// start again) rather than a bare 400 or silently missing data.
    /// </summary>
    /// <param name="fetchPage">Gets one page for a token (<see langword="null"/> for the first page).</param>
    /// <param name="selectItems">The items of a page.</param>
    /// <param name="selectNextPageToken">The page's <c>next_page_token</c>.</param>
    /// <param name="cancellationToken">Stops the listing between pages and is passed to every fetch.</param>
    /// <param name="timeProvider">Clock for the token's age; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="InvalidOperationException">The server returned the same token twice in a row (would loop forever).</exception>
    /// <exception cref="ZoomPageTokenExpiredException">Zoom refused a token held longer than <see cref="PageTokenLifetime"/>.</exception>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> selectItems,
        Func<TPage, string?> selectNextPageToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(selectItems);
        ArgumentNullException.ThrowIfNull(selectNextPageToken);
        var clock = timeProvider ?? TimeProvider.System;

        string? token = null;
        var tokenReceived = 0L;
        var pageNumber = 0;
        var itemsRead = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await FetchAsync(fetchPage, token, tokenReceived, clock, pageNumber, itemsRead, cancellationToken).ConfigureAwait(false);
            pageNumber++;
            // The clock starts when the token arrives, not after the caller has consumed the page.
            tokenReceived = clock.GetTimestamp();
            if (page is not null)
            {
                if (selectItems(page) is { } items)
                {
                    foreach (var item in items)
                    {
                        itemsRead++;
                        yield return item;
                    }
                }
            }

            var next = page is null ? null : selectNextPageToken(page);
            if (string.IsNullOrEmpty(next))
            {
                yield break;
            }

            if (string.Equals(next, token, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Zoom returned the same next_page_token again after page {pageNumber}; stopping to avoid an endless loop.");
            }

            token = next;
        }
    }

    private static async Task<TPage> FetchAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage, string? token, long tokenReceived, TimeProvider clock,
        int pagesRead, int itemsRead, CancellationToken cancellationToken)
    {
        // The token's age when it is handed back to Zoom, not after the fetch's own retries.
        var ageWhenSent = clock.GetElapsedTime(tokenReceived);
        try
        {
            return await fetchPage(token, cancellationToken).ConfigureAwait(false);
        }
        catch (ZoomApiException refusal) when (token is not null && IsPageTokenRefusal(refusal) && ageWhenSent >= PageTokenLifetime)
        {
            throw new ZoomPageTokenExpiredException(refusal, pagesRead, itemsRead, ageWhenSent);
        }
    }

    // Zoom documents no error code for an expired token; it answers a bad one with 400. So a 400 from the API (not from
    // the token endpoint) for a token past its lifetime is read as expiry. 401, 403, 404 (the event was deleted), 429
    // and credential refusals keep their own meaning whatever the token's age.
    private static bool IsPageTokenRefusal(ZoomApiException refusal)
        => refusal.StatusCode == System.Net.HttpStatusCode.BadRequest && refusal is not Auth.ZoomTokenRejectedException;
}
