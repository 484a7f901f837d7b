namespace ZoomEvents.Runtime.Tests;

public sealed class PagingTests
{
    private sealed record Page(IReadOnlyList<int>? Items, string? NextPageToken);

    [Fact]
    public async Task Walks_three_pages_passing_each_token_and_stops_at_an_empty_token()
    {
        var pages = new Dictionary<string, Page>
        {
            [""] = new([1, 2, 3], "tok-2"),
            ["tok-2"] = new([4, 5], "tok-3"),
            ["tok-3"] = new([6], ""),
        };
        var tokensSeen = new List<string?>();
        var items = new List<int>();
        await foreach (var item in ZoomPaging.EnumerateAsync<Page, int>(
            (token, _) =>
            {
                tokensSeen.Add(token);
                return Task.FromResult(pages[token ?? string.Empty]);
            },
            p => p.Items,
            p => p.NextPageToken))
        {
            items.Add(item);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], items);
        Assert.Equal([null, "tok-2", "tok-3"], tokensSeen);
    }

    [Fact]
    public async Task Fetches_lazily_so_breaking_early_skips_later_pages()
    {
        var fetches = 0;
        await foreach (var item in ZoomPaging.EnumerateAsync<Page, int>(
            (_, _) => Task.FromResult(new Page([++fetches], "more-" + fetches)), p => p.Items, p => p.NextPageToken))
        {
            if (item == 2)
            {
                break;
            }
        }

        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task Missing_items_and_missing_token_end_cleanly()
    {
        var count = 0;
        await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>((_, _) => Task.FromResult(new Page(null, null)), p => p.Items, p => p.NextPageToken))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task A_repeated_token_stops_with_an_error_instead_of_looping()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>((_, _) => Task.FromResult(new Page([1], "same")), p => p.Items, p => p.NextPageToken))
            {
            }
        });
        Assert.Contains("same next_page_token", ex.Message);
    }

    [Fact]
    public async Task Cancellation_is_observed_between_pages()
    {
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>(
                (_, _) => Task.FromResult(new Page([1], Guid.NewGuid().ToString())), p => p.Items, p => p.NextPageToken, cts.Token))
            {
                cts.Cancel();
            }
        });
    }
}
