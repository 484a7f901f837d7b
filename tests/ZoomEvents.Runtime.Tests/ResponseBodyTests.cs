using System.Net;
using System.Text;
using Polly.Timeout;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

/// <summary>
/// The body is read inside each attempt: a server that sends the headers and then stalls, or a connection that breaks
/// half-way through the body, is a transient failure like any other (retried for GET, surfaced for POST) instead of a
/// hang or an unretried IOException after the pipeline has finished.
/// </summary>
public sealed class ResponseBodyTests
{
    // Real-time guard so that a regression fails the test instead of hanging the test run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private const string Page = """{"events":[{"event_id":"ev1"}],"next_page_token":""}""";

    /// <summary>A network stream that yields the start of a body and then stalls until cancelled, or breaks.</summary>
    private sealed class BrokenBodyStream(bool stall) : Stream
    {
        private readonly byte[] _start = Encoding.UTF8.GetBytes("""{"events":[{"event_""");
        private bool _sentStart;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentStart)
            {
                _sentStart = true;
                _start.CopyTo(buffer);
                return _start.Length;
            }

            if (stall)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static HttpResponseMessage Broken(bool stall)
    {
        var content = new StreamContent(new BrokenBodyStream(stall));
        content.Headers.ContentType = new("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static TestHost HostWithFirstBodyBroken(bool stall) => TestHost.Create(h => h
        .OnToken(_ => ScriptedHandler.Token("tok"))
        .On(_ => true, (_, n) => n == 0 ? Broken(stall) : ScriptedHandler.Json(HttpStatusCode.OK, Page)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_get_whose_body_stalls_or_breaks_is_retried_and_succeeds(bool stall)
    {
        await using var host = HostWithFirstBodyBroken(stall);

        var body = await host.RunAsync(() => host.Client.GetAsync("zoom_events/events"), TimeSpan.FromSeconds(1)).WaitAsync(Guard);

        Assert.Equal(Page, body);
        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(2, api.Count);
        if (stall)
        {
            // The stalled body ran into the 30 s attempt timeout before the retry.
            Assert.True(api[1].At - api[0].At >= TimeSpan.FromSeconds(30), $"retried after {api[1].At - api[0].At}");
        }
    }

    [Fact]
    public async Task A_post_whose_body_breaks_is_not_repeated_and_surfaces_as_a_transport_failure()
    {
        await using var host = HostWithFirstBodyBroken(stall: false);

        var error = await host.RunAsync(() => Assert.ThrowsAsync<HttpRequestException>(
            () => host.Client.PostAsync("zoom_events/events/ev1/tickets?external_ticket_id=secret-ext", "{}"))).WaitAsync(Guard);

        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Contains(Causes(error), e => e is IOException);
        Assert.Contains("POST", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ext", error.Message, StringComparison.Ordinal);
        // The ticket registrar must treat this as "may have reached Zoom".
        Assert.True(Tickets.TicketRegistrar.IsAmbiguousFailure(error));
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (var e = error.InnerException; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [Fact]
    public async Task A_post_whose_body_stalls_ends_in_the_attempt_timeout_without_a_second_post()
    {
        await using var host = HostWithFirstBodyBroken(stall: true);

        await host.RunAsync(() => Assert.ThrowsAsync<TimeoutRejectedException>(
            () => host.Client.PostAsync("zoom_events/events/ev1/tickets", "{}")), TimeSpan.FromSeconds(1)).WaitAsync(Guard);

        Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task A_get_whose_body_keeps_breaking_fails_after_the_retries_with_the_cause()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok"))
            .On(_ => true, (_, _) => Broken(stall: false)));

        var error = await host.RunAsync(() => Assert.ThrowsAsync<HttpRequestException>(
            () => host.Client.GetAsync("zoom_events/events")), TimeSpan.FromSeconds(1)).WaitAsync(Guard);

        Assert.Equal(5, host.Handler.RequestsTo("/zoom_events/").Count); // 1 + MaxRetryAttempts (4)
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
    }

    [Fact]
    public async Task Without_di_the_body_is_read_inside_the_attempt_too()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler(time)
            .OnToken(n => n == 0 ? Broken(stall: false) : ScriptedHandler.Token("tok"))
            .On(_ => true, (_, n) => n == 0 ? Broken(stall: true) : ScriptedHandler.Json(HttpStatusCode.OK, Page));
        using var http = ZoomEventsHttpClient.Create(
            new ZoomEventsOptions { AccountId = TestHost.AccountId, ClientId = TestHost.ClientId, ClientSecret = TestHost.ClientSecret },
            handler, timeProvider: time);

        var call = new FakeZoomClient(http).GetAsync("zoom_events/events");
        for (var i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Page, await call.WaitAsync(Guard));
        // The token body broke once and the API body stalled once; each chain retried its own attempt.
        Assert.Equal(2, handler.RequestsTo("/oauth/token").Count);
        Assert.Equal(2, handler.RequestsTo("/zoom_events/").Count);
    }
}
