using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class AuthTests : SandboxTestBase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override SandboxOptions Options => new() { TimeProvider = _time, TokenLifetime = TimeSpan.FromMinutes(10), StaticAccessTokens = ["pact-token"] };

    private async Task<(HttpStatusCode Status, JsonNode? Body)> TokenAsync(string query, AuthenticationHeaderValue? auth, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token" + query) { Content = content };
        request.Headers.Authorization = auth;
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Token_endpoint_issues_bearer_tokens_in_Zoom_shape()
    {
        var (status, body) = await TokenAsync("?grant_type=account_credentials&account_id=sandbox", Basic("sandbox", "sandbox-secret"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("bearer", body!["token_type"]!.GetValue<string>());
        Assert.Equal(600, body["expires_in"]!.GetValue<int>());
        Assert.Contains("zoom_events", body["scope"]!.GetValue<string>());
        Assert.Equal(Server.BaseUri.ToString().TrimEnd('/'), body["api_url"]!.GetValue<string>());
        Assert.Matches("^[A-Za-z0-9_-]{20,}$", body["access_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_endpoint_accepts_the_grant_in_a_form_body()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "account_credentials", ["account_id"] = "sandbox" });

        var (status, _) = await TokenAsync("", Basic("sandbox", "sandbox-secret"), form);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("?grant_type=account_credentials&account_id=sandbox", "sandbox", "wrong", 401, "invalid_client")]
    [InlineData("?grant_type=account_credentials&account_id=sandbox", "someone", "sandbox-secret", 401, "invalid_client")]
    [InlineData("?grant_type=account_credentials&account_id=sandbox", null, null, 401, "invalid_client")]
    [InlineData("?grant_type=client_credentials&account_id=sandbox", "sandbox", "sandbox-secret", 400, "unsupported_grant_type")]
    [InlineData("?grant_type=account_credentials", "sandbox", "sandbox-secret", 400, "invalid_request")]
    [InlineData("?grant_type=account_credentials&account_id=other", "sandbox", "sandbox-secret", 400, "invalid_request")]
    public async Task Token_endpoint_rejects_bad_requests_with_Zoom_token_errors(string query, string? user, string? password, int status, string error)
    {
        var (actual, body) = await TokenAsync(query, user is null ? null : Basic(user, password!));

        Assert.Equal(status, (int)actual);
        Assert.Equal(error, body!["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["reason"]!.GetValue<string>()));
        Assert.DoesNotContain("sandbox-secret", body.ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic c2FuZGJveDpzYW5kYm94LXNlY3JldA==")]
    public async Task Api_routes_reject_missing_or_wrong_tokens(string? authorization)
    {
        if (authorization is not null)
        {
            Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        foreach (var path in new[] { "v2/zoom_events/hubs?role_type=host", "v2/zoom_events/events", "v2/zoom_events/events/x/tickets" })
        {
            var response = await GetAsync(path);
            response.AssertZoomError(HttpStatusCode.Unauthorized, 124);
        }

        (await PostAsync("v2/zoom_events/events", TutorialEvent())).AssertZoomError(HttpStatusCode.Unauthorized, 124);
    }

    [Fact]
    public async Task Tokens_expire_after_their_lifetime()
    {
        await AuthorizeAsync();
        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromMinutes(10));
        var expired = await GetAsync("v2/zoom_events/hubs?role_type=host");

        expired.AssertZoomError(HttpStatusCode.Unauthorized, 124);
        Assert.Contains("expired", expired.Body!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await AuthorizeAsync();
        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Static_tokens_are_accepted_and_never_expire()
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pact-token");
        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromDays(30));

        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pact-token-2");
        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertZoomError(HttpStatusCode.Unauthorized, 124);
    }

    [Fact]
    public void Options_and_server_never_print_the_secret()
    {
        var options = new SandboxOptions { ClientSecret = "top-secret-value" };

        Assert.DoesNotContain("top-secret-value", options.ToString());
        Assert.DoesNotContain(Server.ClientSecret, Server.ToString());
    }

    [Fact]
    public async Task Control_endpoints_need_no_token()
    {
        (await SendAsync(HttpMethod.Post, "_sandbox/reset")).AssertStatus(HttpStatusCode.NoContent);
        (await GetAsync("_pact/provider-states")).AssertStatus(HttpStatusCode.OK);
    }
}
