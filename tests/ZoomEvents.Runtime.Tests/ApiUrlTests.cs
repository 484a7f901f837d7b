using System.Net;
using System.Text;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

/// <summary>The token response's api_url decides where the bearer token goes, so it must not be plain http on the internet.</summary>
public sealed class ApiUrlTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static ZoomAccessToken Parse(string apiUrl, out string? ignored) =>
        ServerToServerTokenProvider.ParseTokenResponse(
            Encoding.UTF8.GetBytes($$"""{"access_token":"t","expires_in":3600,"api_url":"{{apiUrl}}"}"""), Issued, TimeSpan.Zero, out ignored);

    [Theory]
    [InlineData("https://api-eu.zoom.us", true)]
    [InlineData("http://127.0.0.1:5123", true)] // the local sandbox
    [InlineData("http://localhost:5123", true)]
    [InlineData("http://[::1]:5123", true)]
    [InlineData("http://api-eu.zoom.us", false)]
    [InlineData("http://10.0.0.5", false)]
    [InlineData("ftp://api-eu.zoom.us", false)]
    [InlineData("https://user:pw@api-eu.zoom.us", false)]
    [InlineData("not a url", false)]
    public void Only_https_or_loopback_http_is_accepted(string apiUrl, bool accepted)
    {
        var token = Parse(apiUrl, out var ignored);

        Assert.Equal(accepted, token.ApiUrl is not null);
        Assert.Equal(accepted, ignored is null);
    }

    [Fact]
    public async Task An_api_url_with_credentials_is_ignored_and_the_warning_names_only_scheme_and_host()
    {
        // Distinctive user and password, so finding either in the log line cannot be a coincidence.
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok-cred", apiUrl: "https://zuser-7f3:pw-Q9x2k@api-eu.zoom.us/v2"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o => o.UseTokenApiUrl = true);

        await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("https://api.zoom.us/v2/zoom_events/hubs", Assert.Single(host.Handler.RequestsTo("/zoom_events/")).Uri.AbsoluteUri);
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1004);
        Assert.Contains("https://api-eu.zoom.us", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-Q9x2k", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zuser-7f3", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-cred", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_api_url_is_ignored_and_logged_and_the_request_stays_on_https()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok-plain", apiUrl: "http://api-eu.zoom.us"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o => o.UseTokenApiUrl = true);

        await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("https://api.zoom.us/v2/zoom_events/hubs", Assert.Single(host.Handler.RequestsTo("/zoom_events/")).Uri.AbsoluteUri);
        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 1004);
        Assert.Contains("http://api-eu.zoom.us", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-plain", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_http_api_url_still_switches_a_loopback_base()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok", apiUrl: "http://127.0.0.1:6001"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o =>
            {
                o.BaseUrl = "http://localhost:6000/v2/";
                o.UseTokenApiUrl = true;
            });

        await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("http://127.0.0.1:6001/v2/zoom_events/hubs", Assert.Single(host.Handler.RequestsTo("/zoom_events/")).Uri.AbsoluteUri);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id == 1004);
    }

    [Fact]
    public async Task An_https_base_is_never_moved_to_a_loopback_http_api_url()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok", apiUrl: "http://127.0.0.1:6001"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o => o.UseTokenApiUrl = true);

        await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("https://api.zoom.us/v2/zoom_events/hubs", Assert.Single(host.Handler.RequestsTo("/zoom_events/")).Uri.AbsoluteUri);
    }
}
