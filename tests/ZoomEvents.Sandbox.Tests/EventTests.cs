using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class EventTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task Hubs_require_a_valid_role_type()
    {
        (await GetAsync("v2/zoom_events/hubs")).AssertFieldError("role_type");
        (await GetAsync("v2/zoom_events/hubs?role_type=owner")).AssertFieldError("role_type");
        var hubs = await GetAsync("v2/zoom_events/hubs?role_type=attendee");
        Assert.Equal(1, hubs.Body!["total_records"]!.GetValue<int>());
    }

    [Fact]
    public async Task Created_event_is_a_draft_and_reads_back_in_Zoom_read_shape()
    {
        var body = TutorialEvent();
        body["recurrence"] = new JsonObject { ["type"] = 2, ["weekly_days"] = new JsonArray(2, 6), ["end_times"] = 4, ["duration"] = 30 };
        var eventId = await CreateEventAsync(body);

        var read = await GetAsync($"v2/zoom_events/events/{eventId}");

        read.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("DRAFT", read.Body!["status"]!.GetValue<string>());
        Assert.Equal("2,6", read.Body["recurrence"]!["weekly_days"]!.GetValue<string>());
        Assert.Equal("America/Indianapolis", read.Body["timezone"]!.GetValue<string>());
        Assert.Equal(4, (await SessionIdsAsync(eventId)).Count);
    }

    public static TheoryData<string, string> InvalidEvents() => new()
    {
        { """{"name":"x"}""", "description" },
        { Replace("event_type", "\"MEETUP\""), "event_type" },
        { Replace("attendance_type", "\"remote\""), "attendance_type" },
        { Replace("access_level", "\"private\""), "access_level" },
        { Replace("hub_id", "\"NoSuchHub\""), "hub_id" },
        { Replace("timezone", "\"Mars/Olympus\""), "timezone" },
        { Replace("name", "42"), "name" },
        { Replace("recurrence", """{"type":9,"end_times":3,"duration":15}"""), "recurrence.type" },
        { Replace("recurrence", """{"type":1,"repeat_interval":91,"end_times":3,"duration":15}"""), "recurrence.repeat_interval" },
        { Replace("recurrence", """{"type":3,"monthly_week":6,"monthly_week_day":4,"end_times":3,"duration":15}"""), "recurrence.monthly_week" },
        { Replace("recurrence", """{"type":2,"weekly_days":"2,9","end_times":3,"duration":15}"""), "recurrence.weekly_days" },
        { Replace("recurrence", """{"type":1,"end_times":3,"end_date_time":"2026-02-01T00:00:00Z","duration":15}"""), "recurrence.end_times" },
        { Replace("recurrence", """{"type":1,"end_times":2.5,"duration":15}"""), "recurrence.end_times" },
        { Replace("recurrence", """{"type":1,"end_times":61,"duration":15}"""), "recurrence.end_times" },
        { Replace("recurrence", "\"monthly\""), "recurrence" },
        { Replace("recurrence", """{"end_times":3,"duration":15}"""), "recurrence.type" },
        { Replace("recurrence", "null"), "recurrence" },
        { Replace("calendar", """[{"start_time":"2026-01-07T08:00:00-05:00","end_time":"2026-01-07T13:15:00Z"}]"""), "calendar[0].start_time" },
        { Replace("calendar", """[{"start_time":"yesterday","end_time":"2026-01-07T13:15:00Z"}]"""), "calendar[0].start_time" },
        { Replace("calendar", "[]"), "calendar" },
        { Replace("calendar", """[{"start_time":"9999-12-31T23:59:59Z","end_time":"9999-12-31T23:59:59Z"}]"""), "calendar[0].start_time" },
        { Replace("recurrence", """{"type":1,"end_times":3,"duration":2147483647}"""), "recurrence.duration" },
        { Replace("calendar", """[{"start_time":"2026-01-07T13:00:00Z","end_time":"2026-01-07T13:15:00Z"},{"start_time":"2026-01-08T13:00:00Z","end_time":"2026-01-08T13:15:00Z"}]"""), "calendar" },
        { Replace("categories", """["Knitting"]"""), "categories[0]" },
        { Replace("blocked_countries", """["germany"]"""), "blocked_countries[0]" },
        { "\"just a string\"", "body" },
        { "{\"name\":", "body" },
        { "", "body" },
    };

    private static string Replace(string field, string json)
    {
        var body = TutorialEvent();
        body[field] = JsonNode.Parse(json);
        return body.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public async Task Invalid_events_get_field_errors_never_500(string json, string field)
    {
        var response = await SendAsync(HttpMethod.Post, "v2/zoom_events/events", json);

        response.AssertFieldError(field);
        Assert.Empty((await GetAsync("v2/zoom_events/events?event_status_type=draft")).Body!["events"]!.AsArray());
    }

    [Theory]
    [InlineData("""[{"start_time":"2026-01-07T13:00:00Z"}]""", 26204)]
    [InlineData("""[{"start_time":"2026-01-07T13:00:00Z","end_time":"2026-01-07T12:00:00Z"}]""", 26203)]
    public async Task Calendar_rules_use_Zoom_codes(string calendar, int code)
    {
        var body = TutorialEvent();
        body["calendar"] = JsonNode.Parse(calendar);

        (await PostAsync("v2/zoom_events/events", body)).AssertZoomError(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task More_than_six_calendar_days_is_26202()
    {
        var body = SimpleEvent();
        body["calendar"] = new JsonArray(Enumerable.Range(1, 7).Select(d => (JsonNode?)new JsonObject
        {
            ["start_time"] = $"2030-01-{d:00}T15:00:00Z", ["end_time"] = $"2030-01-{d:00}T16:00:00Z",
        }).ToArray());

        (await PostAsync("v2/zoom_events/events", body)).AssertZoomError(HttpStatusCode.BadRequest, 26202);
    }

    [Fact]
    public async Task Calendar_days_with_the_same_start_are_rejected_on_create_and_update()
    {
        var day = new JsonObject { ["start_time"] = "2030-01-15T15:00:00Z", ["end_time"] = "2030-01-15T16:00:00Z" };
        var twice = new JsonArray(day.DeepClone(), day.DeepClone());
        var body = SimpleEvent();
        body["event_type"] = "CONFERENCE";
        body["calendar"] = twice.DeepClone();

        // Before: two sessions with one id, and every later schedule change a 500.
        (await PostAsync("v2/zoom_events/events", body)).AssertFieldError("calendar");

        var eventId = await CreateEventAsync(SimpleEvent());
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["calendar"] = twice.DeepClone() })).AssertFieldError("calendar");
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["timezone"] = "America/Indianapolis" })).AssertStatus(HttpStatusCode.NoContent);
        Assert.Single((await GetAsync($"v2/zoom_events/events/{eventId}/sessions")).Body!["sessions"]!.AsArray());
    }

    [Fact]
    public async Task Legacy_time_zone_ids_are_accepted()
    {
        var body = TutorialEvent();
        body["timezone"] = "Asia/Calcutta";
        body["calendar"] = JsonNode.Parse("""[{"start_time":"2026-01-07T04:30:00Z","end_time":"2026-01-07T04:45:00Z"}]""");

        var eventId = await CreateEventAsync(body);

        var sessions = await GetAsync($"v2/zoom_events/events/{eventId}/sessions");
        Assert.All(sessions.Body!["sessions"]!.AsArray(), s => Assert.EndsWith("T04:30:00Z", s!["start_time"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_changes_fields_recomputes_sessions_and_keeps_ids_of_unchanged_sessions()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var before = await SessionIdsAsync(eventId);

        var patch = await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject
        {
            ["name"] = "Renamed",
            ["recurrence"] = new JsonObject { ["end_times"] = 9 },
        });

        patch.AssertStatus(HttpStatusCode.NoContent);
        Assert.Null(patch.Body);
        var read = await GetAsync($"v2/zoom_events/events/{eventId}");
        Assert.Equal("Renamed", read.Body!["name"]!.GetValue<string>());
        Assert.Equal(9, read.Body["recurrence"]!["end_times"]!.GetValue<int>());
        Assert.Equal(1, read.Body["recurrence"]!["monthly_week"]!.GetValue<int>());
        var after = await SessionIdsAsync(eventId);
        Assert.Equal(9, after.Count);
        Assert.Equal(before, after.Take(7));
    }

    [Fact]
    public async Task Update_rejects_immutable_and_invalid_fields()
    {
        var eventId = await CreateEventAsync(TutorialEvent());

        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["event_type"] = "SIMPLE_EVENT" })).AssertFieldError("event_type");
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["name"] = " " })).AssertFieldError("name");
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["recurrence"] = new JsonObject { ["repeat_interval"] = 4 } }))
            .AssertFieldError("recurrence.repeat_interval");
        (await PatchAsync("v2/zoom_events/events/NoSuchEvent00000000000", new JsonObject { ["name"] = "x" })).AssertZoomError(HttpStatusCode.NotFound, 2002);
    }

    [Fact]
    public async Task Delete_removes_the_event()
    {
        var eventId = await CreateEventAsync(SimpleEvent());

        (await DeleteAsync($"v2/zoom_events/events/{eventId}")).AssertStatus(HttpStatusCode.NoContent);

        (await GetAsync($"v2/zoom_events/events/{eventId}")).AssertZoomError(HttpStatusCode.NotFound, 2002);
        (await DeleteAsync($"v2/zoom_events/events/{eventId}")).AssertZoomError(HttpStatusCode.NotFound, 2002);
    }

    [Fact]
    public async Task Event_actions_publish_cancel_and_duplicate()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var actions = $"v2/zoom_events/events/{eventId}/event_actions";

        (await PostAsync(actions, new JsonObject { ["operation"] = "PUBLISH" })).AssertFieldError("operation");
        (await PostAsync(actions, new JsonObject())).AssertFieldError("operation");
        await PublishAsync(eventId);
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("a@example.com")))).AssertStatus(HttpStatusCode.Created);

        var copy = await PostAsync(actions, new JsonObject
        {
            ["operation"] = "duplicate",
            ["duplicate_event"] = new JsonObject { ["name"] = "Copy", ["start_time"] = "2026-02-04T13:00:00Z" },
        });
        copy.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("duplicated", copy.Body!["status"]!.GetValue<string>());
        var copyId = copy.Body["event_id"]!.GetValue<string>();
        Assert.NotEqual(eventId, copyId);
        var copied = await GetAsync($"v2/zoom_events/events/{copyId}");
        Assert.Equal(("Copy", "DRAFT"), (copied.Body!["name"]!.GetValue<string>(), copied.Body["status"]!.GetValue<string>()));
        Assert.Equal("2026-02-04T13:00:00Z", copied.Body["start_time"]!.GetValue<string>());

        (await PostAsync(actions, new JsonObject { ["operation"] = "cancel" })).AssertFieldError("cancel_message");
        var cancelled = await PostAsync(actions, new JsonObject { ["operation"] = "cancel", ["cancel_message"] = "Sorry" });
        Assert.Equal("cancelled", cancelled.Body!["status"]!.GetValue<string>());
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["name"] = "x" })).AssertZoomError(HttpStatusCode.BadRequest, 260210);
        (await PostAsync(actions, new JsonObject { ["operation"] = "publish" })).AssertZoomError(HttpStatusCode.BadRequest, 260210);
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("b@example.com")))).AssertZoomError(HttpStatusCode.BadRequest, 26501);
    }

    [Fact]
    public async Task Event_list_filters_by_status_and_pages()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateEventAsync(SimpleEvent());
        }

        var published = await CreateEventAsync(SimpleEvent());
        await PublishAsync(published);
        var past = await CreateEventAsync(TutorialEvent("2020-01-01T13:00:00Z", "2020-01-01T13:15:00Z"));
        await PublishAsync(past);

        var drafts = await GetAsync("v2/zoom_events/events?role_type=host&event_status_type=draft&page_size=2");
        Assert.Equal(3, drafts.Body!["total_records"]!.GetValue<int>());
        Assert.Equal(2, drafts.Body["events"]!.AsArray().Count);
        var token = drafts.Body["next_page_token"]!.GetValue<string>();
        var rest = await GetAsync($"v2/zoom_events/events?role_type=host&event_status_type=draft&page_size=2&next_page_token={token}");
        Assert.Single(rest.Body!["events"]!.AsArray());
        Assert.Equal("", rest.Body["next_page_token"]!.GetValue<string>());
        (await GetAsync($"v2/zoom_events/events?role_type=host&event_status_type=past&next_page_token={token}")).AssertFieldError("next_page_token");

        var upcoming = await GetAsync("v2/zoom_events/events");
        Assert.Equal(published, Assert.Single(upcoming.Body!["events"]!.AsArray())!["event_id"]!.GetValue<string>());
        var pastList = await GetAsync("v2/zoom_events/events?event_status_type=past");
        Assert.Equal(past, Assert.Single(pastList.Body!["events"]!.AsArray())!["event_id"]!.GetValue<string>());
        (await GetAsync("v2/zoom_events/events?event_status_type=soon")).AssertFieldError("event_status_type");
    }

    [Fact]
    public async Task Simple_event_sessions_come_from_the_calendar()
    {
        var eventId = await CreateEventAsync(SimpleEvent());

        var sessions = await GetAsync($"v2/zoom_events/events/{eventId}/sessions");

        var session = Assert.Single(sessions.Body!["sessions"]!.AsArray())!;
        Assert.Equal("2030-01-15T15:00:00Z", session["start_time"]!.GetValue<string>());
        Assert.Equal(0, session["type"]!.GetValue<int>());
        Assert.True(session["meeting_id"]!.GetValue<long>() > 0);
        var sessionId = session["session_id"]!.GetValue<string>();
        (await GetAsync($"v2/zoom_events/events/{eventId}/sessions/{sessionId}")).AssertStatus(HttpStatusCode.OK);
        (await GetAsync($"v2/zoom_events/events/{eventId}/sessions/NoSuchSession000000000")).AssertZoomError(HttpStatusCode.NotFound, 2003);
    }

    [Fact]
    public async Task Unknown_routes_get_a_Zoom_404()
    {
        (await GetAsync("v2/zoom_events/nothing_here")).AssertZoomError(HttpStatusCode.NotFound, 404);
    }
}
