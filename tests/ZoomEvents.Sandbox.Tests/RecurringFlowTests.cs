using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>The tutorial's whole recurring-event flow, step by step, over real HTTP.</summary>
public sealed class RecurringFlowTests : SandboxTestBase
{
    [Fact]
    public async Task Tutorial_flow_from_hub_to_tickets_under_every_link_type()
    {
        await AuthorizeAsync();

        var hubs = await GetAsync("v2/zoom_events/hubs?role_type=host");
        hubs.AssertStatus(HttpStatusCode.OK);
        var hubId = hubs.Body!["hubs"]![0]!["hub_id"]!.GetValue<string>();
        Assert.Equal(SeedHubId, hubId);

        // The tutorial's own calendar start (a Friday); the series starts at the next first Wednesday.
        var created = await PostAsync("v2/zoom_events/events", TutorialEvent("2025-12-12T13:00:00Z", "2025-12-12T13:15:00Z"));
        created.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("DRAFT", created.Body!["status"]!.GetValue<string>());
        var eventId = created.Body["event_id"]!.GetValue<string>();
        Assert.Matches("^[A-Za-z0-9_-]{22}$", eventId);

        var early = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("early@example.com")));
        early.AssertZoomError(HttpStatusCode.BadRequest, 26501);

        var published = await PostAsync($"v2/zoom_events/events/{eventId}/event_actions", new JsonObject { ["operation"] = "publish" });
        published.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("published", published.Body!["status"]!.GetValue<string>());
        Assert.Equal(eventId, published.Body["event_id"]!.GetValue<string>());
        Assert.Equal("PUBLISHED", (await GetAsync($"v2/zoom_events/events/{eventId}")).Body!["status"]!.GetValue<string>());

        var ticketTypes = await GetAsync($"v2/zoom_events/events/{eventId}/ticket_types");
        ticketTypes.AssertStatus(HttpStatusCode.OK);
        var ticketTypeId = Assert.Single(ticketTypes.Body!["ticket_types"]!.AsArray())!["ticket_type_id"]!.GetValue<string>();

        var links = new Dictionary<string, string>();
        foreach (var option in new[] { "all_sessions", "single_session", "multiple_sessions" })
        {
            var link = await PostAsync($"v2/zoom_events/events/{eventId}/access_links", new JsonObject
            {
                ["name"] = "Register: " + option,
                ["type"] = "registration",
                ["authentication_method"] = "bypass_auth",
                ["ticket_type_id"] = ticketTypeId,
                ["recurring_registration_option"] = option,
                ["security_at_join"] = new JsonObject { ["requires_authentication"] = false },
            });
            link.AssertStatus(HttpStatusCode.Created);
            Assert.Equal(option, link.Body!["recurring_registration_option"]!.GetValue<string>());
            links[option] = link.Body["access_link_id"]!.GetValue<string>();
        }

        var sessions = await GetAsync($"v2/zoom_events/events/{eventId}/sessions");
        var starts = sessions.Body!["sessions"]!.AsArray().Select(s => s!["start_time"]!.GetValue<string>()).ToArray();
        Assert.Equal(
            ["2026-01-07T13:00:00Z", "2026-02-04T13:00:00Z", "2026-03-04T13:00:00Z", "2026-04-01T12:00:00Z",
             "2026-05-06T12:00:00Z", "2026-06-03T12:00:00Z", "2026-07-01T12:00:00Z"],
            starts);
        Assert.All(sessions.Body["sessions"]!.AsArray(), s => Assert.Equal(
            DateTimeOffset.Parse(s!["start_time"]!.GetValue<string>()).AddMinutes(15),
            DateTimeOffset.Parse(s["end_time"]!.GetValue<string>())));
        var sessionIds = await SessionIdsAsync(eventId);
        Assert.Equal(sessionIds, await SessionIdsAsync(eventId));
        Assert.Equal(7, sessionIds.Distinct().Count());
        var (s1, s2) = (sessionIds[0], sessionIds[1]);

        var all = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("all@example.com")));
        all.AssertStatus(HttpStatusCode.Created);
        Assert.Single(all.Body!["tickets"]!.AsArray());
        Assert.Empty(all.Body["errors"]!.AsArray());

        // single_session: one entry per chosen session, as the runtime's registration helper sends it.
        var single = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("single@example.com", s1), Ticket("single@example.com", s2)));
        single.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(2, single.Body!["tickets"]!.AsArray().Count);

        var multiple = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("multi@example.com", s1, s2)));
        multiple.AssertStatus(HttpStatusCode.Created);
        Assert.Single(multiple.Body!["tickets"]!.AsArray());

        var listed = await GetAsync($"v2/zoom_events/events/{eventId}/tickets");
        listed.AssertStatus(HttpStatusCode.OK);
        var byEmail = listed.Body!["tickets"]!.AsArray()
            .GroupBy(t => t!["email"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Select(t => t!["session_ids"]!.AsArray().Select(id => id!.GetValue<string>()).ToArray()).ToList());
        Assert.Equal([[]], byEmail["all@example.com"]);
        Assert.Equal([[s1], [s2]], byEmail["single@example.com"]);
        Assert.Equal([[s1, s2]], byEmail["multi@example.com"]);
        Assert.Equal(4, listed.Body["total_records"]!.GetValue<int>());
        Assert.Equal(4, (await GetAsync($"v2/zoom_events/events/{eventId}/ticket_types")).Body!["ticket_types"]![0]!["sold_quantity"]!.GetValue<int>());
    }
}
