using System.Runtime.CompilerServices;

namespace ZoomEvents.Runtime;

/// <summary>Turns Zoom's <c>next_page_token</c> paging into one <see cref="IAsyncEnumerable{T}"/>.</summary>
public static class ZoomPaging
{
    /// <summary>
    /// Fetches pages lazily: the first call gets a <see langword="null"/> token, each further call the
    /// previous page's <c>next_page_token</c>; stops at an empty or missing token. Zoom's tokens expire after
    /// 15 minutes, so a consumer that pauses longer between pages gets a <see cref="ZoomApiException"/> from the
    /// next fetch rather than silently missing data.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server returned the same token twice in a row (would loop forever).</exception>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>?> selectItems,
        Func<TPage, string?> selectNextPageToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(selectItems);
        ArgumentNullException.ThrowIfNull(selectNextPageToken);

        string? token = null;
        var pageNumber = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            pageNumber++;
            if (page is not null)
            {
                if (selectItems(page) is { } items)
                {
                    foreach (var item in items)
                    {
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
}
