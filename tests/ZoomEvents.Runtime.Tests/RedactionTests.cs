using System.Net;
using System.Text;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

public sealed class RedactionTests
{
    private const string Token = "eyJ-TOKEN-VALUE-98765";

    [Fact]
    public async Task No_secret_token_or_authorization_value_reaches_logs_or_exceptions()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestHost.ClientId + ":" + TestHost.ClientSecret));
        await using var host = TestHost.Create(h => h
            .OnToken(n => n == 0
                ? ScriptedHandler.Json(HttpStatusCode.InternalServerError, """{"reason":"try again","error":"server_error"}""")
                : ScriptedHandler.Token(Token + n))
            .On(r => r.RequestUri!.AbsolutePath.EndsWith("/limited", StringComparison.Ordinal), (_, _) =>
                ScriptedHandler.Json(HttpStatusCode.TooManyRequests, """{"code":429,"message":"Daily."}""", ("X-RateLimit-Type", "Daily-limit")))
            .On(r => r.RequestUri!.AbsolutePath.EndsWith("/broken", StringComparison.Ordinal), HttpResponseMessage (_, _) =>
                throw new HttpRequestException("An error occurred while sending the request.",
                    new IOException("Unable to read data from the transport connection: Connection reset by peer.")))
            .On(_ => true, (r, n) => n == 0
                ? ScriptedHandler.Json(HttpStatusCode.Unauthorized, """{"code":124,"message":"Invalid access token."}""")
                : ScriptedHandler.Json(HttpStatusCode.BadRequest, """{"code":300,"message":"Validation Failed.","errors":[{"field":"email","message":"Invalid."}]}""")));

        var exceptions = new List<Exception>
        {
            await host.RunAsync(() => Assert.ThrowsAsync<ZoomApiException>(() => host.Client.GetAsync("zoom_events/events?email=private@example.com&page_size=30"))),
            await Assert.ThrowsAsync<ZoomRateLimitException>(() => host.Client.GetAsync("zoom_events/limited")),
            await host.RunAsync(() => Assert.ThrowsAsync<HttpRequestException>(() => host.Client.PostAsync("zoom_events/broken?email=private@example.com", "{}"))),
        };

        var logs = host.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        var texts = logs.SelectMany(r => new[] { r.Message, r.Exception?.ToString() ?? string.Empty }
                .Concat(r.StructuredState?.Select(kv => kv.Value ?? string.Empty) ?? []))
            .Concat(exceptions.SelectMany(e => new[] { e.Message, e.ToString() }))
            .ToList();

        string[] forbidden = [TestHost.ClientSecret, Token, basic, "Bearer ", "Basic ", "private@example.com"];
        foreach (var secret in forbidden)
        {
            Assert.False(texts.Any(t => t.Contains(secret, StringComparison.Ordinal)),
                $"leaked {secret}: {texts.FirstOrDefault(t => t.Contains(secret, StringComparison.Ordinal))}");
        }

        // The logs are still useful: method, redacted path with harmless query values, status.
        Assert.Contains(logs, r => r.Message.Contains("GET /v2/zoom_events/events?email=***&page_size=30 -> 401", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Message.Contains("POST /oauth/token -> 500", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_and_tokens_never_print_secrets()
    {
        var options = new ZoomEventsOptions
        {
            AccountId = TestHost.AccountId,
            ClientId = TestHost.ClientId,
            ClientSecret = TestHost.ClientSecret,
            AccessToken = Token,
        };
        var text = options.ToString();
        Assert.DoesNotContain(TestHost.ClientSecret, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(TestHost.ClientId, text);
        Assert.Contains("ClientSecret = (set)", text);

        var token = new ZoomAccessToken(Token, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain(Token, token.ToString());
    }

    [Theory]
    [InlineData("https://api.zoom.us/v2/zoom_events/events/abc/tickets?external_ticket_id=x1&page_size=30",
        "/v2/zoom_events/events/abc/tickets?external_ticket_id=***&page_size=30")]
    [InlineData("https://zoom.us/oauth/token?grant_type=account_credentials&account_id=acct",
        "/oauth/token?grant_type=account_credentials&account_id=***")]
    [InlineData("https://api.zoom.us/v2/zoom_events/hubs", "/v2/zoom_events/hubs")]
    public void Uri_descriptions_mask_query_values(string uri, string expected) =>
        Assert.Equal(expected, ZoomRedaction.DescribeUri(new Uri(uri)));
}
