using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>The duplicate event action: the copy obeys createEvent's rules, and a moved copy keeps its whole series.</summary>
public sealed class DuplicateEventTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    private Task<ApiResponse> DuplicateAsync(string eventId, JsonObject copy) =>
        PostAsync($"v2/zoom_events/events/{eventId}/event_actions", new JsonObject { ["operation"] = "duplicate", ["duplicate_event"] = copy });

    private async Task<int> DraftCountAsync() =>
        (await GetAsync("v2/zoom_events/events?event_status_type=draft")).Body!["total_records"]!.GetValue<int>();

    [Theory]
    [InlineData("""{"name":""}""", "duplicate_event.name")]
    [InlineData("""{"name":"   "}""", "duplicate_event.name")]
    [InlineData("""{"timezone":""}""", "duplicate_event.timezone")]
    [InlineData("""{"timezone":"Mars/Olympus"}""", "duplicate_event.timezone")]
    [InlineData("""{"start_time":"soon"}""", "duplicate_event.start_time")]
    public async Task A_copy_that_createEvent_would_refuse_is_a_field_error_and_nothing_is_created(string copy, string field)
    {
        var eventId = await CreateEventAsync(TutorialEvent());

        (await DuplicateAsync(eventId, JsonNode.Parse(copy)!.AsObject())).AssertFieldError(field);

        Assert.Equal(1, await DraftCountAsync());
    }

    [Fact]
    public async Task A_long_name_is_refused_as_on_create()
    {
        var eventId = await CreateEventAsync(TutorialEvent());

        (await DuplicateAsync(eventId, new JsonObject { ["name"] = new string('n', 201) })).AssertFieldError("duplicate_event.name");
    }

    [Fact]
    public async Task Moving_the_copy_moves_the_series_end_date_by_the_same_amount()
    {
        var body = TutorialEvent();
        body["recurrence"] = new JsonObject { ["type"] = 1, ["end_date_time"] = "2026-01-13T13:00:00Z", ["duration"] = 15 };
        var eventId = await CreateEventAsync(body);
        Assert.Equal(7, (await SessionIdsAsync(eventId)).Count);

        // Eight weeks later: the old end date would now be before the copy's first session.
        var copy = await DuplicateAsync(eventId, new JsonObject { ["name"] = "March cohort", ["start_time"] = "2026-03-04T13:00:00Z" });

        copy.AssertStatus(HttpStatusCode.Created);
        var copyId = copy.Body!["event_id"]!.GetValue<string>();
        var read = await GetAsync($"v2/zoom_events/events/{copyId}");
        Assert.Equal("2026-03-10T13:00:00Z", read.Body!["recurrence"]!["end_date_time"]!.GetValue<string>());
        Assert.Equal("2026-03-04T13:00:00Z", read.Body["start_time"]!.GetValue<string>());
        Assert.Equal(7, (await SessionIdsAsync(copyId)).Count);
        Assert.Equal("2026-01-13T13:00:00Z", (await GetAsync($"v2/zoom_events/events/{eventId}")).Body!["recurrence"]!["end_date_time"]!.GetValue<string>());
    }
}
