using System.Text.Json.Nodes;
using static ZoomEvents.Spec.Tests.SpecQuery;

namespace ZoomEvents.Spec.Tests;

/// <summary>
/// The eight steps of Zoom's recurring-event tutorial, checked against the contract: right operation, right status
/// codes, and request examples that carry the tutorial's payloads with the spec/tutorial disagreements resolved.
/// </summary>
public sealed class TutorialFlowTests
{
    private const string EventsPath = "/zoom_events/events";
    private const string EventPath = "/zoom_events/events/{eventId}";

    [Fact]
    public void Step1_list_hubs_requires_role_type_and_answers_a_hub_list()
    {
        var op = Operation("get", "/zoom_events/hubs");
        Assert.Equal("getHubList", op["operationId"]!.GetValue<string>());

        var roleType = SpecJson.Resolve(Contract, op["parameters"]![0]!);
        Assert.Equal("role_type", roleType["name"]!.GetValue<string>());
        Assert.Equal("query", roleType["in"]!.GetValue<string>());
        Assert.True(roleType["required"]!.GetValue<bool>());
        Assert.Equal("host", roleType["example"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/HubList", SchemaRef(op["responses"]!["200"]));
    }

    [Fact]
    public void Step2_create_event_example_is_the_tutorial_monthly_recurring_event()
    {
        var op = Operation("post", EventsPath);
        Assert.Equal("createEvent", op["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Event", SchemaRef(op["responses"]!["201"]));

        var body = RequestExample(op);
        Assert.Equal("America/Indianapolis", body["timezone"]!.GetValue<string>());
        Assert.Equal("RECURRING", body["event_type"]!.GetValue<string>());
        Assert.Equal("PRIVATE_UNRESTRICTED", body["access_level"]!.GetValue<string>());
        Assert.Equal("virtual", body["attendance_type"]!.GetValue<string>()); // required by Zoom's spec, absent in the tutorial
        Assert.False(string.IsNullOrWhiteSpace(body["name"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(body["description"]!.GetValue<string>()));
        Assert.Null(body["start_time"]); // read-only at top level; the tutorial's value belongs in calendar

        var calendar = Assert.Single(body["calendar"]!.AsArray())!;
        Assert.Equal("2026-01-07T13:00:00Z", calendar["start_time"]!.GetValue<string>());
        Assert.Equal("2026-01-07T13:15:00Z", calendar["end_time"]!.GetValue<string>()); // start + duration

        var recurrence = body["recurrence"]!.AsObject();
        Assert.Equal(
            new[] { "duration", "end_times", "monthly_week", "monthly_week_day", "repeat_interval", "type" },
            Keys(recurrence).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, recurrence["type"]!.GetValue<int>());
        Assert.Equal(1, recurrence["repeat_interval"]!.GetValue<int>());
        Assert.Equal(1, recurrence["monthly_week"]!.GetValue<int>());
        Assert.Equal(4, recurrence["monthly_week_day"]!.GetValue<int>());
        Assert.Equal(7, recurrence["end_times"]!.GetValue<int>());
        Assert.Equal(15, recurrence["duration"]!.GetValue<int>());

        var hubIds = ResponseExample(Operation("get", "/zoom_events/hubs"), "200")["hubs"]!.AsArray()
            .Select(h => h!["hub_id"]!.GetValue<string>());
        Assert.Contains(body["hub_id"]!.GetValue<string>(), hubIds);
    }

    [Fact]
    public void Step3_publish_sends_lower_case_publish_and_accepts_200_and_201()
    {
        var op = Operation("post", EventPath + "/event_actions");
        Assert.Equal("EventActions", op["operationId"]!.GetValue<string>());

        var body = RequestExample(op).AsObject();
        Assert.Equal(new[] { "operation" }, Keys(body));
        Assert.Equal("publish", body["operation"]!.GetValue<string>());

        Assert.Equal("#/components/schemas/EventActionResult", SchemaRef(op["responses"]!["200"]));
        Assert.Equal("#/components/schemas/EventActionResult", SchemaRef(op["responses"]!["201"]));
    }

    [Fact]
    public void Step4_ticket_types_live_under_the_event_path()
    {
        var op = Operation("get", EventPath + "/ticket_types");
        Assert.Equal("getEventTicketTypes", op["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/TicketTypeList", SchemaRef(op["responses"]!["200"]));
    }

    [Fact]
    public void Step5_three_registration_links_cover_every_recurring_registration_option()
    {
        var op = Operation("post", EventPath + "/access_links");
        Assert.Equal("createEventAccessLink", op["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/AccessLink", SchemaRef(op["responses"]!["201"]));

        var links = new[] { "allSessions", "singleSession", "multipleSessions" }.Select(n => RequestExample(op, n)).ToList();
        Assert.All(links, link => Assert.Equal("registration", link["type"]!.GetValue<string>()));
        Assert.All(links, link => Assert.Contains(link["authentication_method"]!.GetValue<string>(), new[] { "bypass_auth", "zoom_account" }));
        Assert.Equal(
            new[] { "all_sessions", "single_session", "multiple_sessions" },
            links.Select(l => l["recurring_registration_option"]!.GetValue<string>()).ToArray());
        Assert.Equal(3, links.Select(l => l["name"]!.GetValue<string>()).Distinct().Count()); // names are unique per event

        // The tutorial sets ticket_type_id on registration links; it must be the event's (default) ticket type.
        var ticketTypeIds = ResponseExample(Operation("get", EventPath + "/ticket_types"), "200")["ticket_types"]!.AsArray()
            .Select(t => t!["ticket_type_id"]!.GetValue<string>());
        Assert.All(links, link => Assert.Contains(link["ticket_type_id"]!.GetValue<string>(), ticketTypeIds));

        // The tutorial's requires_authentication spelling is accepted beside the spec's email_authentication.
        Assert.True(links[1]["security_at_join"]!["requires_authentication"]!.GetValue<bool>());
    }

    [Fact]
    public void Step6_sessions_list_each_occurrence()
    {
        var op = Operation("get", EventPath + "/sessions");
        Assert.Equal("getEventSessionList", op["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/SessionList", SchemaRef(op["responses"]!["200"]));

        var sessions = ResponseExample(op, "200")["sessions"]!.AsArray();
        Assert.Equal("2026-01-07T13:00:00Z", sessions[0]!["start_time"]!.GetValue<string>());
        Assert.Equal("2026-02-04T13:00:00Z", sessions[1]!["start_time"]!.GetValue<string>()); // first Wednesday of February
    }

    [Fact]
    public void Step7_ticket_batch_names_sessions_for_single_and_multiple_session_registrations()
    {
        var op = Operation("post", EventPath + "/tickets");
        Assert.Equal("createTickets", op["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/CreateTicketsResult", SchemaRef(op["responses"]!["201"]));
        Assert.Contains(op["parameters"]!.AsArray(), p => p!["$ref"]!.GetValue<string>() == "#/components/parameters/ValidationLevel");

        var tickets = RequestExample(op)["tickets"]!.AsArray();
        Assert.InRange(tickets.Count, 1, 30);
        var knownSessions = SessionIdsInListExample();
        foreach (var ticket in tickets.Select(t => t!.AsObject()))
        {
            Assert.Equal(
                new[] { "email", "first_name", "last_name", "session_ids" },
                Keys(ticket).Order(StringComparer.Ordinal).ToArray());
            var sessionIds = Strings(ticket["session_ids"]);
            Assert.NotEmpty(sessionIds);
            Assert.All(sessionIds, id => Assert.Contains(id, knownSessions));
        }

        Assert.Equal(new[] { 1, 2 }, tickets.Select(t => t!["session_ids"]!.AsArray().Count).ToArray());
        Assert.Empty(ResponseExample(op, "201")["errors"]!.AsArray());
    }

    [Fact]
    public void Step8_listed_tickets_report_their_sessions()
    {
        var op = Operation("get", EventPath + "/tickets");
        Assert.Equal("getTickets", op["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/TicketList", SchemaRef(op["responses"]!["200"]));

        var listed = ResponseExample(op, "200")["tickets"]!.AsArray();
        var issued = RequestExample(Operation("post", EventPath + "/tickets"))["tickets"]!.AsArray();
        Assert.Equal(
            issued.Select(t => string.Join(",", Strings(t!["session_ids"]))),
            listed.Select(t => string.Join(",", Strings(t!["session_ids"]))));
    }

    private static string[] SessionIdsInListExample() =>
        ResponseExample(Operation("get", EventPath + "/sessions"), "200")["sessions"]!.AsArray()
            .Select(s => s!["session_id"]!.GetValue<string>()).ToArray();
}
