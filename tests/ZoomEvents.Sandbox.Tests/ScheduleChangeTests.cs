using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>PATCHes of calendar, recurrence and timezone: what they may change once tickets exist, and what they leave behind.</summary>
public sealed class ScheduleChangeTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task A_schedule_change_that_drops_a_ticketed_session_is_refused_and_changes_nothing()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("single_session");
        var issued = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("late@example.com", sessions[6])));
        issued.AssertStatus(HttpStatusCode.Created);
        var ticketId = Assert.Single(issued.Body!["tickets"]!.AsArray())!["ticket_id"]!.GetValue<string>();

        // Seven occurrences down to five would remove the one the ticket is for.
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["recurrence"] = new JsonObject { ["end_times"] = 5 } }))
            .AssertFieldError("recurrence");
        // Moving the series (or its zone: Tokyo has no summer time) moves the ticketed July occurrence.
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject
        {
            ["calendar"] = new JsonArray(new JsonObject { ["start_time"] = "2026-01-07T14:00:00Z", ["end_time"] = "2026-01-07T14:15:00Z" }),
        })).AssertFieldError("calendar");
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["timezone"] = "Asia/Tokyo" })).AssertFieldError("timezone");

        Assert.Equal(sessions, await SessionIdsAsync(eventId));
        var read = await GetAsync($"v2/zoom_events/events/{eventId}");
        Assert.Equal(7, read.Body!["recurrence"]!["end_times"]!.GetValue<int>());
        Assert.Equal("America/Indianapolis", read.Body["timezone"]!.GetValue<string>());
        var ticket = await GetAsync($"v2/zoom_events/events/{eventId}/tickets/{ticketId}");
        Assert.Equal(sessions[6], Assert.Single(ticket.Body!["session_ids"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task A_schedule_change_that_keeps_ticketed_sessions_is_allowed_and_keeps_their_ids()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("single_session");
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("early@example.com", sessions[1])))).AssertStatus(HttpStatusCode.Created);

        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["recurrence"] = new JsonObject { ["end_times"] = 3 } }))
            .AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(sessions.Take(3), await SessionIdsAsync(eventId));
    }

    [Fact]
    public async Task All_sessions_tickets_follow_the_new_schedule()
    {
        var (eventId, _) = await PublishedRecurringEventAsync("all_sessions");
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("all@example.com")))).AssertStatus(HttpStatusCode.Created);

        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["recurrence"] = new JsonObject { ["end_times"] = 2 } }))
            .AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal(2, (await SessionIdsAsync(eventId)).Count);
    }

    [Fact]
    public async Task Moving_a_simple_event_day_with_tickets_for_it_is_refused()
    {
        var eventId = await CreateEventAsync(SimpleEvent());
        await PublishAsync(eventId);
        var session = Assert.Single(await SessionIdsAsync(eventId));
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("day@example.com", session)))).AssertStatus(HttpStatusCode.Created);

        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject
        {
            ["calendar"] = new JsonArray(new JsonObject { ["start_time"] = "2030-01-16T15:00:00Z", ["end_time"] = "2030-01-16T16:00:00Z" }),
        })).AssertFieldError("calendar");

        Assert.Equal([session], await SessionIdsAsync(eventId));
    }

    [Fact]
    public async Task Changing_the_recurrence_type_drops_the_old_types_day_fields()
    {
        var eventId = await CreateEventAsync(TutorialEvent());

        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject { ["recurrence"] = new JsonObject { ["type"] = 1 } }))
            .AssertStatus(HttpStatusCode.NoContent);

        var daily = (await GetAsync($"v2/zoom_events/events/{eventId}")).Body!["recurrence"]!.AsObject();
        Assert.Equal(1, daily["type"]!.GetValue<int>());
        Assert.False(daily.ContainsKey("monthly_week"), daily.ToJsonString());
        Assert.False(daily.ContainsKey("monthly_week_day"), daily.ToJsonString());
        Assert.Equal(7, daily["end_times"]!.GetValue<int>());
        var sessions = (await GetAsync($"v2/zoom_events/events/{eventId}/sessions")).Body!["sessions"]!.AsArray();
        Assert.Equal("2026-01-08T13:00:00Z", sessions[1]!["start_time"]!.GetValue<string>());

        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject
        {
            ["recurrence"] = new JsonObject { ["type"] = 2, ["weekly_days"] = "4" },
        })).AssertStatus(HttpStatusCode.NoContent);
        (await PatchAsync($"v2/zoom_events/events/{eventId}", new JsonObject
        {
            ["recurrence"] = new JsonObject { ["type"] = 3, ["monthly_days"] = new JsonArray(7) },
        })).AssertStatus(HttpStatusCode.NoContent);

        var monthly = (await GetAsync($"v2/zoom_events/events/{eventId}")).Body!["recurrence"]!.AsObject();
        Assert.False(monthly.ContainsKey("weekly_days"), monthly.ToJsonString());
        Assert.Equal(7, monthly["monthly_days"]!.GetValue<int>());
    }

    [Fact]
    public async Task Time_zone_ids_are_stored_trimmed()
    {
        var body = TutorialEvent();
        body["timezone"] = " America/Indianapolis ";
        var recurring = await CreateEventAsync(body);
        var simple = await CreateEventAsync(SimpleEvent());

        (await PatchAsync($"v2/zoom_events/events/{simple}", new JsonObject { ["timezone"] = "\tAsia/Tokyo " })).AssertStatus(HttpStatusCode.NoContent);

        Assert.Equal("America/Indianapolis", (await GetAsync($"v2/zoom_events/events/{recurring}")).Body!["timezone"]!.GetValue<string>());
        Assert.Equal("Asia/Tokyo", (await GetAsync($"v2/zoom_events/events/{simple}")).Body!["timezone"]!.GetValue<string>());
        var sessions = (await GetAsync($"v2/zoom_events/events/{recurring}/sessions")).Body!["sessions"]!.AsArray();
        Assert.Equal(7, sessions.Count);
        Assert.All(sessions, s => Assert.Equal("America/Indianapolis", s!["timezone"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_zone_without_tz_data_is_fine_until_a_recurrence_needs_it()
    {
        // SST is on Zoom's list but in no time-zone database; a one-day event never needs its local calendar.
        var body = SimpleEvent();
        body["timezone"] = "SST";
        var eventId = await CreateEventAsync(body);
        Assert.Equal("SST", (await GetAsync($"v2/zoom_events/events/{eventId}")).Body!["timezone"]!.GetValue<string>());
        Assert.Single(await SessionIdsAsync(eventId));

        var recurring = TutorialEvent();
        recurring["timezone"] = "SST";
        (await PostAsync("v2/zoom_events/events", recurring)).AssertFieldError("timezone");
        var monthly = await CreateEventAsync(TutorialEvent());
        (await PatchAsync($"v2/zoom_events/events/{monthly}", new JsonObject { ["timezone"] = "SST" })).AssertFieldError("timezone");
    }

    [Fact]
    public async Task A_zone_that_is_neither_resolvable_nor_on_Zooms_list_is_refused_everywhere()
    {
        var body = SimpleEvent();
        body["timezone"] = "Not/AZone";
        (await PostAsync("v2/zoom_events/events", body)).AssertFieldError("timezone");
        Assert.Equal(0, (await GetAsync("v2/zoom_events/events?event_status_type=draft")).Body!["total_records"]!.GetValue<int>());

        var simple = await CreateEventAsync(SimpleEvent());
        (await PatchAsync($"v2/zoom_events/events/{simple}", new JsonObject { ["timezone"] = "Not/AZone" })).AssertFieldError("timezone");
        Assert.Equal("Europe/Berlin", (await GetAsync($"v2/zoom_events/events/{simple}")).Body!["timezone"]!.GetValue<string>());

        var copy = await PostAsync($"v2/zoom_events/events/{simple}/event_actions",
            new JsonObject { ["operation"] = "duplicate", ["duplicate_event"] = new JsonObject { ["timezone"] = "Not/AZone" } });
        copy.AssertFieldError("duplicate_event.timezone");
        Assert.Equal(1, (await GetAsync("v2/zoom_events/events?event_status_type=draft")).Body!["total_records"]!.GetValue<int>());
    }
}
