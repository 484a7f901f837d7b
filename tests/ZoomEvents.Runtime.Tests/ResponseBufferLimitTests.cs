using System.Net;
using ZoomEvents.Runtime.Http;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// The buffering handler holds bodies in memory only up to a limit, and only a broken connection is turned into the
/// retryable "response ended" failure; limits and protocol errors are not retried.
/// </summary>
public sealed class ResponseBufferLimitTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    // A body whose length is unknown up front, so the limit is hit while reading, not from Content-Length.
    private sealed class UnseekableStream(byte[] data, Exception? failAfterData = null) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read == 0 && failAfterData is not null ? throw failAfterData : read;
        }
    }

    private static HttpResponseMessage Body(byte[] data, Exception? failAfterData = null) =>
        new(HttpStatusCode.OK) { Content = new StreamContent(new UnseekableStream(data, failAfterData)) };

    [Fact]
    public async Task A_body_over_the_limit_fails_once_with_a_clear_message_and_is_not_retried()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => Body(new byte[4096])),
            o => o.MaxResponseBufferSize = 1024);

        var error = await host.RunAsync(() => Assert.ThrowsAsync<HttpRequestException>(
            () => host.Client.GetAsync("zoom_events/events?page_size=300&secret_q=hidden")), TimeSpan.FromSeconds(1)).WaitAsync(Guard);

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, error.HttpRequestError);
        Assert.Contains("MaxResponseBufferSize", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task A_protocol_error_in_the_body_is_passed_on_as_is_and_not_retried()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => Body("{\"a\":"u8.ToArray(), new HttpRequestException(HttpRequestError.InvalidResponse, "bad chunk"))));

        var error = await host.RunAsync(() => Assert.ThrowsAsync<HttpRequestException>(
            () => host.Client.GetAsync("zoom_events/events")), TimeSpan.FromSeconds(1)).WaitAsync(Guard);

        Assert.Equal(HttpRequestError.InvalidResponse, error.HttpRequestError);
        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task A_connection_error_in_the_body_is_still_a_retried_response_ended()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n == 0
                ? Body("{\"a\":"u8.ToArray(), new HttpRequestException(HttpRequestError.ConnectionError, "reset"))
                : ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        var body = await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"), TimeSpan.FromSeconds(1)).WaitAsync(Guard);

        Assert.Equal("{}", body);
        Assert.Equal(2, host.Handler.RequestsTo("/zoom_events/").Count);
    }

    [Fact]
    public void The_limit_must_be_positive_and_fit_in_memory()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZoomResponseBufferingHandler(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZoomResponseBufferingHandler((long)int.MaxValue + 1));
        Assert.Equal(64L * 1024 * 1024, new ZoomResponseBufferingHandler().MaxBufferSize);
        var options = new ZoomEventsOptions { MaxResponseBufferSize = 0 };
        Assert.Contains(options.GetValidationErrors(), e => e.Contains("MaxResponseBufferSize", StringComparison.Ordinal));
    }
}
