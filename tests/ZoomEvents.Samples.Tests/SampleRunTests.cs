using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RecurringEvents;
using Xunit;
using ZoomEvents.Sandbox;

namespace ZoomEvents.Samples.Tests;

/// <summary>The sample's <c>--json</c> document, produced by the real flow against a real (in-process) sandbox.</summary>
public sealed partial class SampleRunTests
{
    // What the runtime's recurrence rules give for the tutorial's schedule: the first Wednesday of each month at 08:00
    // in Indianapolis, so 13:00Z in winter and 12:00Z once daylight saving starts in March.
    private static readonly string[] ExpectedStarts =
    [
        "2026-01-07T13:00:00Z", "2026-02-04T13:00:00Z", "2026-03-04T13:00:00Z", "2026-04-01T12:00:00Z",
        "2026-05-06T12:00:00Z", "2026-06-03T12:00:00Z", "2026-07-01T12:00:00Z",
    ];

    [Fact]
    public async Task Json_run_against_the_builtin_sandbox_prints_the_tutorial_document()
    {
        var (exit, stdout, stderr) = await RunAsync(Settings(json: true));

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        AssertTutorialDocument(stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Credentials_without_a_base_url_get_one_line_saying_the_builtin_sandbox_is_used()
    {
        var settings = Settings(json: true) with { AccountId = "acct", ClientId = "client", ClientSecret = "do-not-print-me" };

        var (exit, stdout, stderr) = await RunAsync(settings);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        AssertTutorialDocument(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("built-in sandbox", line);
        Assert.DoesNotContain("do-not-print-me", stderr);
    }

    [Fact]
    public async Task With_429s_a_5xx_burst_and_a_dropped_ticket_post_no_ticket_is_lost_or_duplicated()
    {
        // Our own sandbox (rather than the built-in one) so the test can count what the server really holds.
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Faults = SampleRunner.DemoFaults() });
        var settings = Settings(json: true) with
        {
            BaseUrl = sandbox.ApiBaseUrl,
            TokenUrl = sandbox.TokenUrl,
            AccountId = sandbox.AccountId,
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
            // An explicit --base-url means "a real account" to the sample, which would start next month.
            FirstStart = RecurringEventFlow.TutorialFirstStart,
        };

        var (exit, stdout, stderr) = await RunAsync(settings);

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var document = AssertTutorialDocument(stdout);
        var counters = sandbox.FaultCounters;
        Assert.True(counters.RateLimited > 0, $"no 429 was injected: {counters}");
        // The whole burst happened: two 5xx in a row, both retried (a GET is idempotent).
        Assert.True(counters.ServerErrors == 2, $"expected a burst of two 5xx: {counters}");
        Assert.Equal(1, counters.Dropped);

        // The server holds exactly the four tickets the document reports: the dropped POST was found, not re-sent.
        var eventId = document.RootElement.GetProperty("event_id").GetString()!;
        var serverTickets = await ListTicketIdsAsync(sandbox, eventId);
        var reported = document.RootElement.GetProperty("tickets").EnumerateObject()
            .SelectMany(option => option.Value.EnumerateArray().Select(t => t.GetProperty("ticket_id").GetString()!))
            .Order().ToArray();
        Assert.Equal(reported, serverTickets.Order().ToArray());
    }

    [Fact]
    public async Task Table_output_shows_sessions_in_local_and_utc_time()
    {
        var (exit, stdout, stderr) = await RunAsync(Settings(json: false));

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        Assert.Contains("PUBLISHED", stdout);
        Assert.Contains("Wed 2026-04-01 08:00 -04:00", stdout);
        Assert.Contains("2026-04-01 12:00Z", stdout);
        Assert.Contains("(all sessions)", stdout);
    }

    [Fact]
    public async Task Unreachable_api_ends_with_one_line_and_a_nonzero_exit()
    {
        var settings = Settings(json: true) with
        {
            BaseUrl = new Uri("http://127.0.0.1:9/v2/"),
            TokenUrl = new Uri("http://127.0.0.1:9/oauth/token"),
            AccountId = "acct",
            ClientId = "client",
            ClientSecret = "do-not-print-me",
        };

        var (exit, stdout, stderr) = await RunAsync(settings);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("do-not-print-me", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task A_real_account_without_credentials_is_a_usage_error()
    {
        var settings = Settings(json: true) with { BaseUrl = new Uri("https://api.zoom.us/v2/") };

        var (exit, _, stderr) = await RunAsync(settings);

        Assert.Equal(2, exit);
        Assert.Contains("ZOOM_CLIENT_SECRET", stderr);
    }

    [Fact]
    public void Settings_never_print_the_client_secret()
    {
        var settings = Settings(json: false) with { ClientSecret = "s3cr3t-value" };

        Assert.DoesNotContain("s3cr3t-value", settings.ToString());
        Assert.Contains("ClientSecret = ***", settings.ToString());
    }

    private static JsonDocument AssertTutorialDocument(string stdout)
    {
        var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Matches(IdPattern(), root.GetProperty("event_id").GetString()!);
        Assert.Equal("PUBLISHED", root.GetProperty("status").GetString());

        var sessions = root.GetProperty("sessions").EnumerateArray().ToArray();
        Assert.Equal(ExpectedStarts, sessions.Select(s => s.GetProperty("start_time").GetString()!).ToArray());
        Assert.All(sessions, s => Assert.Equal(
            DateTimeOffset.Parse(s.GetProperty("start_time").GetString()!).AddMinutes(15),
            DateTimeOffset.Parse(s.GetProperty("end_time").GetString()!)));
        var s1 = sessions[0].GetProperty("session_id").GetString()!;
        var s2 = sessions[1].GetProperty("session_id").GetString()!;

        var links = root.GetProperty("links");
        foreach (var option in new[] { "all_sessions", "single_session", "multiple_sessions" })
        {
            Assert.Matches(IdPattern(), links.GetProperty(option).GetString()!);
        }

        var tickets = root.GetProperty("tickets");
        Assert.Equal([[]], SessionIdsOf(tickets, "all_sessions"));
        Assert.Equal([[s1], [s2]], SessionIdsOf(tickets, "single_session"));
        Assert.Equal([[s1, s2]], SessionIdsOf(tickets, "multiple_sessions"));
        var ticketIds = tickets.EnumerateObject().SelectMany(o => o.Value.EnumerateArray())
            .Select(t => t.GetProperty("ticket_id").GetString()!).ToArray();
        Assert.Equal(4, ticketIds.Distinct().Count());
        Assert.False(root.TryGetProperty("problems", out _), "the flow reported registration problems");
        return document;
    }

    private static string[][] SessionIdsOf(JsonElement tickets, string option) =>
        tickets.GetProperty(option).EnumerateArray()
            .Select(t => t.GetProperty("session_ids").EnumerateArray().Select(id => id.GetString()!).ToArray())
            .ToArray();

    private static SampleSettings Settings(bool json) =>
        new(BaseUrl: null, TokenUrl: null, Json: json, Verbose: false, Faults: false, AccountId: null, ClientId: null, ClientSecret: null);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(SampleSettings settings)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await SampleRunner.RunAsync(settings, stdout, stderr, timeout.Token);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // Reads the tickets straight from the sandbox's API, with a token of its own, to check what the server really holds.
    private static async Task<string[]> ListTicketIdsAsync(SandboxServer sandbox, string eventId)
    {
        sandbox.ConfigureFaults(new SandboxFaults());
        using var http = new HttpClient();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.ClientId}:{sandbox.ClientSecret}"));
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(sandbox.TokenUrl, $"?grant_type=account_credentials&account_id={sandbox.AccountId}"));
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var tokenResponse = await http.SendAsync(tokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());

        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.ApiBaseUrl, $"zoom_events/events/{eventId}/tickets?page_size=300")));
        return list.RootElement.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("ticket_id").GetString()!).ToArray();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{10,}$")]
    private static partial Regex IdPattern();
}
