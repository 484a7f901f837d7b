using System.Net;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

public sealed class ErrorParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Validation_errors_keep_code_message_fields_tracking_id_and_raw_body()
    {
        const string body = """{"code":300,"message":"Validation Failed.","errors":[{"field":"start_time","message":"Invalid date."},{"field":"name","message":"Required."}]}""";
        using var response = Failed(HttpStatusCode.BadRequest, body, ("x-zm-trackingid", "v=2.0;clid=us06;rid=WEB_abc"));
        var ex = await ZoomApiException.FromResponseAsync(response);

        Assert.IsNotType<ZoomRateLimitException>(ex);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(300, ex.ErrorCode);
        Assert.Equal("Validation Failed.", ex.ZoomMessage);
        Assert.Equal([new ZoomFieldError("start_time", "Invalid date."), new ZoomFieldError("name", "Required.")], ex.FieldErrors);
        Assert.Equal("v=2.0;clid=us06;rid=WEB_abc", ex.RequestId);
        Assert.Equal(body, ex.RawBody);
        Assert.Contains("POST /v2/zoom_events/events", ex.Message);
        Assert.Contains("start_time: Invalid date.", ex.Message);
        Assert.DoesNotContain("secret-filter", ex.Message); // query values never reach the message
    }

    [Fact]
    public async Task Error_message_variant_is_understood()
    {
        using var response = Failed(HttpStatusCode.NotFound, """{"code":2003,"error_message":"Session not found."}""");
        var ex = await ZoomApiException.FromResponseAsync(response);
        Assert.Equal(2003, ex.ErrorCode);
        Assert.Equal("Session not found.", ex.ZoomMessage);
    }

    [Fact]
    public async Task Token_endpoint_reason_and_error_are_understood()
    {
        using var response = Failed(HttpStatusCode.BadRequest, """{"reason":"Invalid client_id or client_secret","error":"invalid_client"}""");
        var ex = await ZoomApiException.FromResponseAsync(response);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("Invalid client_id or client_secret (invalid_client)", ex.ZoomMessage);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("""{"code":"not-a-number"}""")]
    public async Task Non_zoom_bodies_still_produce_an_exception_with_the_raw_body(string body)
    {
        using var response = Failed(HttpStatusCode.BadGateway, body);
        var ex = await ZoomApiException.FromResponseAsync(response);
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Empty(ex.FieldErrors);
        Assert.Equal(body, ex.RawBody);
        Assert.Contains("502", ex.Message);
    }

    [Fact]
    public async Task Code_written_as_float_is_read()
    {
        using var response = Failed(HttpStatusCode.BadRequest, """{"code":1001.0,"message":"Invalid event id."}""");
        Assert.Equal(1001, (await ZoomApiException.FromResponseAsync(response)).ErrorCode);
    }

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("Sun, 01 Mar 2026 10:00:07 GMT", 7.0)]
    [InlineData("2026-03-01T10:00:30Z", 30.0)]
    [InlineData("2026-03-01T09:00:00Z", 0.0)] // in the past: no wait
    public void Retry_after_parses_seconds_http_date_and_iso(string header, double expectedSeconds)
    {
        Assert.True(ZoomRateLimitInfo.TryParseRetryAfter(header, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Retry_after_rejects_garbage(string? header) =>
        Assert.False(ZoomRateLimitInfo.TryParseRetryAfter(header, Now, out _));

    [Fact]
    public async Task Daily_limit_429_becomes_a_daily_rate_limit_exception_with_reset_time()
    {
        using var response = Failed(HttpStatusCode.TooManyRequests, """{"code":429,"message":"You have reached the maximum daily rate limit."}""",
            ("X-RateLimit-Type", "Daily-limit"), ("Retry-After", "2026-03-02T00:00:00Z"));
        var ex = Assert.IsType<ZoomRateLimitException>(await ZoomApiException.FromResponseAsync(response, new FixedTime(Now)));
        Assert.True(ex.IsDailyLimit);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), ex.ResetAt);
        Assert.Equal(TimeSpan.FromHours(14), ex.RetryAfter);
        Assert.Contains("daily limit", ex.Message);
    }

    [Fact]
    public void Far_future_reset_counts_as_daily_even_without_the_type_header()
    {
        using var response = Failed(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "7200"));
        Assert.True(ZoomRateLimitInfo.FromResponse(response, Now).IsDailyLimit);
        using var qps = Failed(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "1"), ("X-RateLimit-Type", "QPS"));
        Assert.False(ZoomRateLimitInfo.FromResponse(qps, Now).IsDailyLimit);
    }

    private static HttpResponseMessage Failed(HttpStatusCode status, string body, params (string, string)[] headers)
    {
        var response = ScriptedHandler.Json(status, body, headers);
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://api.zoom.us/v2/zoom_events/events?filter=secret-filter");
        return response;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
