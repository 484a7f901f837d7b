using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>
/// Input that is well-formed enough to get past the JSON or form parser but breaks on first use (repeated member
/// names, undecodable text, hand-made paging tokens, a multipart body without its boundary). Each once caused a 500.
/// </summary>
public sealed class MalformedInputTests : SandboxTestBase
{
    // Raw bytes, because a C# string cannot hold invalid UTF-8.
    public static TheoryData<string, byte[]> BrokenBodies => new()
    {
        { "repeated member", Encoding.UTF8.GetBytes("""{"name":"a","name":"b"}""") },
        { "repeated nested member", Encoding.UTF8.GetBytes("""{"tickets":[{"email":"a@example.com","email":"b@example.com"}]}""") },
        { "invalid UTF-8 in a value", [.. "{\"name\":\""u8, 0xFF, .. "\"}"u8] },
        { "invalid UTF-8 in a member name", [.. "{\"na"u8, 0xFF, .. "me\":\"x\"}"u8] },
        { "lone surrogate escape", Encoding.UTF8.GetBytes("""{"name":"\ud800"}""") },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Undecodable_bodies_are_a_validation_error_on_every_json_endpoint(string what, byte[] body)
    {
        var eventId = await CreateEventAsync(SimpleEvent());
        string[] paths =
        [
            "v2/zoom_events/events",
            $"v2/zoom_events/events/{eventId}/tickets",
            $"v2/zoom_events/events/{eventId}/access_links",
            "_pact/provider-states",
        ];

        foreach (var path in paths)
        {
            var response = await SendBytesAsync(HttpMethod.Post, path, body, "application/json");
            Assert.True(response.Status == HttpStatusCode.BadRequest, $"{what} to {path}: {(int)response.Status} {response.Body?.ToJsonString()}");
            response.AssertFieldError("body");
        }
    }

    [Fact]
    public async Task Hand_made_paging_tokens_never_get_a_server_error()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateEventAsync(SimpleEvent());
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string query = "events|host|draft";
        const string path = "v2/zoom_events/events?role_type=host&event_status_type=draft&page_size=2&next_page_token=";

        // An issue time DateTimeOffset cannot represent is simply an invalid token.
        var farFuture = await GetAsync(path + PagingToken($"0|99999999999999|{query}"));
        farFuture.AssertFieldError("next_page_token");

        // An offset past the end is an empty last page, also when offset + page_size overflows an int.
        var pastTheEnd = await GetAsync(path + PagingToken($"{int.MaxValue}|{now}|{query}"));
        pastTheEnd.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(pastTheEnd.Body!["events"]!.AsArray());
        Assert.Equal("", pastTheEnd.Body["next_page_token"]!.GetValue<string>());
        Assert.Equal(3, pastTheEnd.Body["total_records"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=zz")]
    public async Task Unreadable_token_form_is_an_oauth_invalid_request(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token");
        request.Headers.Authorization = Basic(Server.ClientId, Server.ClientSecret);
        request.Content = new ByteArrayContent("garbage"u8.ToArray());
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{contentType}: {(int)response.StatusCode} {body.ToJsonString()}");
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains("form body", body["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string PagingToken(string plain) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(plain));

    private Task<ApiResponse> SendBytesAsync(HttpMethod method, string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return SendAsync(method, path, content);
    }
}
