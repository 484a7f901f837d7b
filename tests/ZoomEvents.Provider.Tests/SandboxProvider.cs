using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ZoomEvents.Sandbox;

namespace ZoomEvents.Provider.Tests;

/// <summary>
/// The provider under verification: the sandbox on a free loopback port (with its provider-state endpoint) and a
/// bearer token it issued. One per test class (xUnit class fixture), so the sandbox starts once.
/// </summary>
public sealed class SandboxProvider : IAsyncDisposable, Xunit.IAsyncLifetime
{
    private SandboxServer? _sandbox;

    public SandboxServer Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox is not running.");

    /// <summary>A token from the sandbox's own OAuth endpoint (tokens survive the resets between interactions).</summary>
    public string AccessToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        AccessToken = await FetchTokenAsync(_sandbox);
    }

    // Zoom's Server-to-Server OAuth: client id and secret as Basic auth, account_credentials grant for the account.
    private static async Task<string> FetchTokenAsync(SandboxServer sandbox)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "account_credentials",
                ["account_id"] = sandbox.AccountId,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.ClientId}:{sandbox.ClientSecret}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The sandbox refused a token: HTTP {(int)response.StatusCode}.");
        }

        return (string?)JsonNode.Parse(body)?["access_token"]
            ?? throw new InvalidOperationException("The sandbox's token answer has no access_token.");
    }

    async Task Xunit.IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
            _sandbox = null;
        }
    }
}
