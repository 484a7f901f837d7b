using System.Net;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task Servers_get_their_own_loopback_ports_and_documented_addresses()
    {
        await using var first = await SandboxServer.StartAsync();
        await using var second = await SandboxServer.StartAsync(new SandboxOptions { AccountId = "acct", ClientId = "id", ClientSecret = "secret" });

        Assert.NotEqual(first.BaseUri, second.BaseUri);
        Assert.Equal("127.0.0.1", first.BaseUri.Host);
        Assert.Equal(new Uri(first.BaseUri, "v2/"), first.ApiBaseUrl);
        Assert.EndsWith("/oauth/token", first.TokenUrl.AbsoluteUri);
        Assert.Equal(("sandbox", "sandbox", "sandbox-secret"), (first.AccountId, first.ClientId, first.ClientSecret));
        Assert.Equal(("acct", "id", "secret"), (second.AccountId, second.ClientId, second.ClientSecret));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("not a url")]
    public async Task Only_loopback_http_is_accepted(string urls)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Urls = urls }));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1000.0)]
    public async Task A_token_lifetime_out_of_range_is_refused_at_start(double days)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { TokenLifetime = TimeSpan.FromDays(days) }));

        Assert.Contains("TokenLifetime", error.Message);
    }

    [Fact]
    public async Task Reset_forgets_events_but_keeps_issued_tokens()
    {
        await using var server = await SandboxServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "oauth/token?grant_type=account_credentials&account_id=sandbox");
        tokenRequest.Headers.Authorization = new("Basic", Convert.ToBase64String("sandbox:sandbox-secret"u8.ToArray()));
        var token = System.Text.Json.Nodes.JsonNode.Parse(await (await http.SendAsync(tokenRequest)).Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var providerState = new StringContent("""{"state":"a draft event exists","params":{"eventId":"Gone"}}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("_pact/provider-states", providerState)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v2/zoom_events/events/Gone")).StatusCode);

        server.Reset();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("v2/zoom_events/events/Gone")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v2/zoom_events/hubs?role_type=host")).StatusCode);
    }
}
