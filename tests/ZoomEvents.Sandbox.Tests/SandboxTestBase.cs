using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>
/// Starts a real sandbox on a free loopback port for each test and talks to it over HTTP, exactly as a client would.
/// </summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    protected const string SeedHubId = "SandboxHub000000000001";

    protected SandboxServer Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected virtual SandboxOptions? Options => null;

    public virtual async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(Options);
        Http = new HttpClient { BaseAddress = Server.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected async Task<string> GetTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"oauth/token?grant_type=account_credentials&account_id={Server.AccountId}");
        request.Headers.Authorization = Basic(Server.ClientId, Server.ClientSecret);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    protected async Task AuthorizeAsync() =>
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync());

    protected static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    protected Task<ApiResponse> SendAsync(HttpMethod method, string path, string? json = null) =>
        SendAsync(method, path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Sends any content (disposed with the request), for bodies a JSON string cannot express.</summary>
    protected async Task<ApiResponse> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    protected Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    protected Task<ApiResponse> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    protected Task<ApiResponse> PatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body.ToJsonString());

    protected Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>The tutorial's event: monthly on the first Wednesday, 7 times, 15 minutes, America/Indianapolis.</summary>
    protected static JsonObject TutorialEvent(string start = "2026-01-07T13:00:00Z", string end = "2026-01-07T13:15:00Z") => new()
    {
        ["hub_id"] = SeedHubId,
        ["name"] = "Product planning",
        ["description"] = "Product planning event",
        ["timezone"] = "America/Indianapolis",
        ["event_type"] = "RECURRING",
        ["access_level"] = "PRIVATE_RESTRICTED",
        ["attendance_type"] = "virtual",
        ["meeting_type"] = "MEETING",
        ["calendar"] = new JsonArray(new JsonObject { ["start_time"] = start, ["end_time"] = end }),
        ["recurrence"] = new JsonObject
        {
            ["type"] = 3, ["repeat_interval"] = 1, ["monthly_week"] = 1, ["monthly_week_day"] = 4, ["end_times"] = 7, ["duration"] = 15,
        },
    };

    protected static JsonObject SimpleEvent(string start = "2030-01-15T15:00:00Z", string end = "2030-01-15T16:00:00Z") => new()
    {
        ["hub_id"] = SeedHubId,
        ["name"] = "Launch day",
        ["description"] = "A one-day event",
        ["timezone"] = "Europe/Berlin",
        ["event_type"] = "SIMPLE_EVENT",
        ["access_level"] = "PRIVATE_UNRESTRICTED",
        ["attendance_type"] = "virtual",
        ["calendar"] = new JsonArray(new JsonObject { ["start_time"] = start, ["end_time"] = end }),
    };

    protected async Task<string> CreateEventAsync(JsonObject body)
    {
        var created = await PostAsync("v2/zoom_events/events", body);
        created.AssertStatus(HttpStatusCode.Created);
        return created.Body!["event_id"]!.GetValue<string>();
    }

    protected async Task PublishAsync(string eventId) =>
        (await PostAsync($"v2/zoom_events/events/{eventId}/event_actions", new JsonObject { ["operation"] = "publish" })).AssertStatus(HttpStatusCode.Created);

    protected async Task<string> CreateLinkAsync(string eventId, string name, string? option, string type = "registration")
    {
        var body = new JsonObject { ["name"] = name, ["type"] = type, ["authentication_method"] = "bypass_auth" };
        if (option is not null)
        {
            body["recurring_registration_option"] = option;
        }

        var created = await PostAsync($"v2/zoom_events/events/{eventId}/access_links", body);
        created.AssertStatus(HttpStatusCode.Created);
        return created.Body!["access_link_id"]!.GetValue<string>();
    }

    protected async Task<List<string>> SessionIdsAsync(string eventId)
    {
        var sessions = await GetAsync($"v2/zoom_events/events/{eventId}/sessions");
        sessions.AssertStatus(HttpStatusCode.OK);
        return sessions.Body!["sessions"]!.AsArray().Select(s => s!["session_id"]!.GetValue<string>()).ToList();
    }

    protected static JsonObject Ticket(string email, params string[] sessionIds)
    {
        var ticket = new JsonObject { ["email"] = email };
        if (sessionIds.Length > 0)
        {
            ticket["session_ids"] = new JsonArray(sessionIds.Select(s => (JsonNode?)s).ToArray());
        }

        return ticket;
    }

    protected static JsonObject Tickets(params JsonObject[] tickets) => new() { ["tickets"] = new JsonArray(tickets.Select(t => t.DeepClone()).ToArray()) };

    /// <summary>A published tutorial event with the given registration links; returns the event id and its session ids.</summary>
    protected async Task<(string EventId, List<string> Sessions)> PublishedRecurringEventAsync(params string[] linkOptions)
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        await PublishAsync(eventId);
        foreach (var option in linkOptions)
        {
            await CreateLinkAsync(eventId, "Link " + option, option);
        }

        return (eventId, await SessionIdsAsync(eventId));
    }
}

public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)
{
    public void AssertStatus(HttpStatusCode expected) =>
        Assert.True(Status == expected, $"Expected {(int)expected} but got {(int)Status}: {Body?.ToJsonString()}");

    /// <summary>Asserts a Zoom validation error (400, code 300) that names <paramref name="field"/>.</summary>
    public void AssertFieldError(string field)
    {
        AssertZoomError(HttpStatusCode.BadRequest, 300);
        Assert.Equal("Validation Failed.", Body!["message"]!.GetValue<string>());
        var fields = Body["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        Assert.Contains(field, fields);
        Assert.All(Body["errors"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>())));
    }

    public void AssertZoomError(HttpStatusCode status, int code)
    {
        AssertStatus(status);
        Assert.Equal(code, Body!["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(Body["message"]!.GetValue<string>()));
    }
}
