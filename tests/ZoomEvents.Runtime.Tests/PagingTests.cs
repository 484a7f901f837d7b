using System.Net;
using ZoomEvents.Runtime.Auth;

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

    [Fact]
    public async Task A_token_refused_after_its_fifteen_minutes_ends_the_listing_with_a_typed_exception_saying_how_far_it_got()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var items = new List<int>();
        var ex = await Assert.ThrowsAsync<ZoomPageTokenExpiredException>(async () =>
        {
            await foreach (var item in ZoomPaging.EnumerateAsync<Page, int>(
                (token, _) => token is null ? Task.FromResult(new Page([1, 2, 3], "tok-2")) : throw Refusal(HttpStatusCode.BadRequest),
                p => p.Items, p => p.NextPageToken, timeProvider: clock))
            {
                items.Add(item);
                // The caller dawdles over the first page.
                clock.Advance(TimeSpan.FromMinutes(6));
            }
        });

        Assert.Equal([1, 2, 3], items);
        Assert.Equal(1, ex.PagesRead);
        Assert.Equal(3, ex.ItemsRead);
        Assert.Equal(TimeSpan.FromMinutes(18), ex.TokenAge);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(300, ex.ErrorCode);
        Assert.IsType<ZoomApiException>(ex.InnerException);
        Assert.Contains("Start the listing again", ex.Message);
        Assert.DoesNotContain("tok-2", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 14)] // a fresh token: the 400 means something else
    [InlineData(HttpStatusCode.TooManyRequests, 20)] // throttling stays throttling, however old the token
    [InlineData(HttpStatusCode.Unauthorized, 20)]
    [InlineData(HttpStatusCode.Forbidden, 20)]
    [InlineData(HttpStatusCode.NotFound, 20)] // the event was deleted meanwhile
    [InlineData(HttpStatusCode.InternalServerError, 20)]
    public async Task Other_failures_pass_through_unchanged(HttpStatusCode status, int minutesHeld)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var ex = await Assert.ThrowsAnyAsync<ZoomApiException>(async () =>
        {
            await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>(
                (token, _) => token is null ? Task.FromResult(new Page([1], "tok-2")) : throw Refusal(status),
                p => p.Items, p => p.NextPageToken, timeProvider: clock))
            {
                clock.Advance(TimeSpan.FromMinutes(minutesHeld));
            }
        });

        Assert.IsNotType<ZoomPageTokenExpiredException>(ex);
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public async Task A_refused_first_page_is_not_an_expired_token_even_after_a_long_wait()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        clock.Advance(TimeSpan.FromHours(1));

        var ex = await Assert.ThrowsAnyAsync<ZoomApiException>(async () =>
        {
            await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>((_, _) => throw Refusal(HttpStatusCode.BadRequest), p => p.Items, p => p.NextPageToken, timeProvider: clock))
            {
            }
        });

        Assert.IsNotType<ZoomPageTokenExpiredException>(ex);
    }

    [Fact]
    public async Task A_credential_refusal_on_a_later_page_stays_a_credential_refusal()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var rejected = new ZoomTokenRejectedException(HttpStatusCode.BadRequest, "invalid_client");

        var ex = await Assert.ThrowsAsync<ZoomTokenRejectedException>(async () =>
        {
            await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>(
                (token, _) => token is null ? Task.FromResult(new Page([1], "tok-2")) : throw rejected,
                p => p.Items, p => p.NextPageToken, timeProvider: clock))
            {
                clock.Advance(TimeSpan.FromMinutes(20));
            }
        });

        Assert.Same(rejected, ex);
    }

    [Fact]
    public async Task The_age_that_counts_is_when_the_token_was_sent_not_after_the_fetchs_own_retries()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var ex = await Assert.ThrowsAnyAsync<ZoomApiException>(async () =>
        {
            await foreach (var _ in ZoomPaging.EnumerateAsync<Page, int>(
                (token, _) =>
                {
                    if (token is null) return Task.FromResult(new Page([1], "tok-2"));
                    clock.Advance(TimeSpan.FromMinutes(3)); // retries inside the fetch push the clock past 15 minutes
                    throw Refusal(HttpStatusCode.BadRequest);
                },
                p => p.Items, p => p.NextPageToken, timeProvider: clock))
            {
                clock.Advance(TimeSpan.FromMinutes(13));
            }
        });

        Assert.IsNotType<ZoomPageTokenExpiredException>(ex);
    }

    private static ZoomApiException Refusal(HttpStatusCode status)
        => new(status, 300, "Invalid next_page_token", null, "trk-1", """{"code":300,"message":"Invalid next_page_token"}""");
}
