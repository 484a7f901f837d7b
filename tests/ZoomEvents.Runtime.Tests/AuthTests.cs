using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ZoomEvents.Runtime.Auth;
using ZoomEvents.Runtime.Tests.Infrastructure;

namespace ZoomEvents.Runtime.Tests;

public sealed class AuthTests
{
    private static readonly string ExpectedBasic =
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TestHost.ClientId + ":" + TestHost.ClientSecret));

    [Fact]
    public async Task Token_request_uses_account_credentials_and_basic_auth()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Token("tok-1"))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.Client.GetAsync("zoom_events/hubs?role_type=host");

        var token = Assert.Single(host.Handler.RequestsTo("/oauth/token"));
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Equal("https://zoom.us/oauth/token", token.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(ExpectedBasic, token.Authorization);
        Assert.Equal($"grant_type=account_credentials&account_id={TestHost.AccountId}", token.Body);

        var api = Assert.Single(host.Handler.RequestsTo("/zoom_events/"));
        Assert.Equal("https://api.zoom.us/v2/zoom_events/hubs?role_type=host", api.Uri.AbsoluteUri);
        Assert.Equal("Bearer tok-1", api.Authorization);
    }

    [Fact]
    public async Task Token_is_cached_until_five_minutes_before_expiry()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(n => ScriptedHandler.Token("tok-" + (n + 1)))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.Client.GetAsync("zoom_events/hubs");
        host.Time.Advance(TimeSpan.FromMinutes(54));
        await host.Client.GetAsync("zoom_events/hubs");
        Assert.Single(host.Handler.RequestsTo("/oauth/token"));

        // 55 minutes in: inside the 5-minute margin of a 60-minute token, so a new one is fetched.
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Client.GetAsync("zoom_events/hubs");
        Assert.Equal(2, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.Equal("Bearer tok-2", host.Handler.RequestsTo("/zoom_events/")[^1].Authorization);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_share_one_token_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = TestHost.Create(h => h
            .On(r => r.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal), async (_, _) =>
            {
                tokenRequested.TrySetResult();
                await release.Task; // hold the token response until every caller is waiting for it
                return ScriptedHandler.Token("tok-shared");
            })
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        var client = host.Client;
        var calls = Enumerable.Range(0, 50).Select(i => Task.Run(() => client.GetAsync($"zoom_events/events/{i}"))).ToArray();
        await tokenRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        release.SetResult();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(host.Handler.RequestsTo("/oauth/token"));
        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(50, api.Count);
        Assert.All(api, r => Assert.Equal("Bearer tok-shared", r.Authorization));
    }

    [Fact]
    public async Task Single_flight_also_holds_for_direct_provider_callers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler(time).On(_ => true, async (_, _) =>
        {
            await release.Task;
            return ScriptedHandler.Token("tok-x");
        });
        using var http = new HttpClient(handler);
        var provider = new ServerToServerTokenProvider(http, Options(), time);

        var waits = Enumerable.Range(0, 50).Select(_ => provider.GetTokenAsync(CancellationToken.None).AsTask()).ToArray();
        release.SetResult();
        var tokens = await Task.WhenAll(waits);

        Assert.Equal(1, provider.FetchCount);
        Assert.Single(handler.Requests);
        Assert.All(tokens, t => Assert.Equal("tok-x", t.Value));
    }

    [Fact]
    public async Task A_cancelled_caller_does_not_fail_the_shared_fetch()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler().On(_ => true, async (_, _) =>
        {
            await release.Task;
            return ScriptedHandler.Token("tok-y");
        });
        using var http = new HttpClient(handler);
        var provider = new ServerToServerTokenProvider(http, Options());
        using var cts = new CancellationTokenSource();

        var impatient = provider.GetTokenAsync(cts.Token).AsTask();
        var patient = provider.GetTokenAsync(CancellationToken.None).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        release.SetResult();
        Assert.Equal("tok-y", (await patient).Value);
        Assert.Equal(1, provider.FetchCount);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_and_retries_exactly_once()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(n => ScriptedHandler.Token("tok-" + (n + 1)))
            .On(_ => true, (r, _) => r.Headers.Authorization?.Parameter == "tok-1"
                ? ScriptedHandler.Json(HttpStatusCode.Unauthorized, """{"code":124,"message":"Invalid access token."}""")
                : ScriptedHandler.Json(HttpStatusCode.OK, """{"ok":true}""")));

        var body = await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("""{"ok":true}""", body);
        Assert.Equal(2, host.Handler.RequestsTo("/oauth/token").Count);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], host.Handler.RequestsTo("/zoom_events/").Select(r => r.Authorization));
    }

    [Fact]
    public async Task Many_concurrent_401s_for_one_token_cause_a_single_refresh()
    {
        const int callers = 20;
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = TestHost.Create(h => h
            .OnToken(n => ScriptedHandler.Token("tok-" + (n + 1)))
            .On(_ => true, async (r, _) =>
            {
                if (r.Headers.Authorization?.Parameter != "tok-1")
                {
                    return ScriptedHandler.Json(HttpStatusCode.OK, "{}");
                }

                // Hold every 401 until all callers are in flight with the same (revoked) token.
                if (Interlocked.Increment(ref arrived) == callers)
                {
                    allArrived.SetResult();
                }

                await allArrived.Task;
                return ScriptedHandler.Json(HttpStatusCode.Unauthorized, "{}");
            }));
        var client = host.Client;
        await host.Tokens.GetTokenAsync(CancellationToken.None); // every caller starts with tok-1

        await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(() => client.GetAsync($"zoom_events/events/{i}"))))
            .WaitAsync(TimeSpan.FromSeconds(30));

        // Invalidation is by value, so callers whose 401 arrives after the refresh do not discard tok-2 again.
        Assert.Equal(2, host.Handler.RequestsTo("/oauth/token").Count);
        var api = host.Handler.RequestsTo("/zoom_events/");
        Assert.Equal(2 * callers, api.Count);
        Assert.Equal(callers, api.Count(r => r.Authorization == "Bearer tok-2"));
    }

    [Fact]
    public async Task A_second_401_is_returned_as_an_exception_without_looping()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(n => ScriptedHandler.Token("tok-" + (n + 1)))
            .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.Unauthorized, """{"code":124,"message":"Invalid access token."}""")));

        var ex = await Assert.ThrowsAsync<ZoomApiException>(() => host.Client.GetAsync("zoom_events/hubs"));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(124, ex.ErrorCode);
        Assert.Equal(2, host.Handler.RequestsTo("/zoom_events/").Count);
        Assert.Equal(2, host.Handler.RequestsTo("/oauth/token").Count);
    }

    [Fact]
    public async Task A_401_re_sends_the_same_body()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(n => ScriptedHandler.Token("tok-" + (n + 1)))
            .On(_ => true, (r, _) => r.Headers.Authorization?.Parameter == "tok-1"
                ? ScriptedHandler.Json(HttpStatusCode.Unauthorized, "{}")
                : ScriptedHandler.Json(HttpStatusCode.Created, "{}")));

        await host.Client.PostAsync("zoom_events/events", """{"name":"Launch"}""");

        Assert.All(host.Handler.RequestsTo("/zoom_events/"), r => Assert.Equal("""{"name":"Launch"}""", r.Body));
    }

    [Fact]
    public async Task Token_endpoint_errors_surface_with_the_reason_but_no_secret()
    {
        await using var host = TestHost.Create(h => h
            .OnToken(_ => ScriptedHandler.Json(HttpStatusCode.BadRequest, """{"reason":"Invalid client_id or client_secret","error":"invalid_client"}""")));

        var ex = await Assert.ThrowsAsync<ZoomTokenRejectedException>(() => host.Client.GetAsync("zoom_events/hubs"));

        Assert.Equal("Invalid client_id or client_secret (invalid_client)", ex.ZoomMessage);
        Assert.DoesNotContain(TestHost.ClientSecret, ex.ToString());
        Assert.Empty(host.Handler.RequestsTo("/zoom_events/"));
    }

    [Fact]
    public async Task Api_url_switches_the_host_when_enabled()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok-eu", apiUrl: "https://api-eu.zoom.us"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")),
            o => o.UseTokenApiUrl = true);

        await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("https://api-eu.zoom.us/v2/zoom_events/hubs", Assert.Single(host.Handler.RequestsTo("/zoom_events/")).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Api_url_is_ignored_by_default()
    {
        await using var host = TestHost.Create(
            h => h.OnToken(_ => ScriptedHandler.Token("tok-eu", apiUrl: "https://api-eu.zoom.us"))
                  .On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "{}")));

        await host.Client.GetAsync("zoom_events/hubs");

        Assert.Equal("api.zoom.us", Assert.Single(host.Handler.RequestsTo("/zoom_events/")).Uri.Host);
    }

    [Fact]
    public async Task Static_token_makes_no_token_requests_and_does_not_retry_a_401()
    {
        await using var host = TestHost.Create(
            h => h.On(_ => true, (_, _) => ScriptedHandler.Json(HttpStatusCode.Unauthorized, "{}")),
            o =>
            {
                o.AccountId = o.ClientId = o.ClientSecret = null;
                o.AccessToken = "static-tok";
            });

        await Assert.ThrowsAsync<ZoomApiException>(() => host.Client.GetAsync("zoom_events/hubs"));

        var only = Assert.Single(host.Handler.Requests);
        Assert.Equal("Bearer static-tok", only.Authorization);
    }

    [Fact]
    public void Token_response_parsing_handles_short_lifetimes_and_rejects_missing_tokens()
    {
        var issued = DateTimeOffset.UnixEpoch;
        var shortLived = ServerToServerTokenProvider.ParseTokenResponse(
            Encoding.UTF8.GetBytes("""{"access_token":"t","expires_in":"120"}"""), issued, TimeSpan.FromMinutes(5));
        // A 5-minute margin on a 2-minute token would mean "always expired"; half the lifetime is used instead.
        Assert.Equal(issued.AddSeconds(60), shortLived.RefreshAt);
        Assert.Equal(issued.AddSeconds(120), shortLived.ExpiresAt);

        var ex = Assert.Throws<InvalidOperationException>(() => ServerToServerTokenProvider.ParseTokenResponse(
            Encoding.UTF8.GetBytes("""{"token_type":"bearer"}"""), issued, TimeSpan.Zero));
        Assert.Contains("access_token", ex.Message);
    }

    [Fact]
    public void Missing_credentials_are_rejected_with_the_setting_names()
    {
        var options = new ZoomEventsOptions { ClientId = "x" };
        var errors = string.Join(" ", options.GetValidationErrors());
        Assert.Contains("AccountId", errors);
        Assert.Contains("ClientSecret", errors);
        Assert.DoesNotContain("ClientId is required", errors);
        Assert.Throws<InvalidOperationException>(() => new ServerToServerTokenProvider(new HttpClient(), options));
    }

    private static ZoomEventsOptions Options() => new()
    {
        AccountId = TestHost.AccountId,
        ClientId = TestHost.ClientId,
        ClientSecret = TestHost.ClientSecret,
    };
}
