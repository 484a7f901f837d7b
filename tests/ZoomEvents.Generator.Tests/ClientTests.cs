using System.Net;
using System.Reflection;
using ZoomEvents.Generator.Tests.Infrastructure;

namespace ZoomEvents.Generator.Tests;

/// <summary>
/// Compiles a consumer against the client generated from the live contract, using exactly the names the team codes
/// against (brief: "the seam"), and runs the recurring-event flow against a fake Zoom.
/// </summary>
public sealed class ClientTests
{
    private const string Probe = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Zoom.Live;

        public static class RecurringFlowProbe
        {
            public static async Task<string> RunAsync(HttpClient http)
            {
                var zoom = new ZoomEventsClient(http);
                var hubs = await zoom.Hubs.GetHubListAsync(HubRoleType.Host);
                var created = await zoom.Events.CreateEventAsync(new CreateEventRequest
                {
                    Name = "Weekly clinic",
                    Description = "Mondays and Fridays",
                    Timezone = "UTC",
                    EventType = EventType.Recurring,
                    AccessLevel = AccessLevel.PrivateUnrestricted,
                    AttendanceType = AttendanceType.Virtual,
                    HubId = hubs.Hubs![0].HubId!,
                    Calendar = new[] { new CalendarEntry { StartTime = new System.DateTimeOffset(2025, 12, 1, 9, 0, 0, System.TimeSpan.FromHours(-5)), EndTime = new System.DateTimeOffset(2025, 12, 1, 15, 0, 0, System.TimeSpan.Zero) } },
                    Recurrence = new Recurrence { Type = RecurrenceType.Weekly, RepeatInterval = 1, WeeklyDays = new[] { WeekDay.Monday, WeekDay.Friday }, EndTimes = 4, Duration = 60 },
                });
                var eventId = created.EventId!;
                var published = await zoom.Events.EventActionsAsync(eventId, new EventActionRequest { Operation = EventOperation.Publish });
                var ticketTypes = await zoom.TicketTypes.GetEventTicketTypesAsync(eventId);
                var link = await zoom.EventAccess.CreateEventAccessLinkAsync(eventId, new CreateAccessLinkRequest
                {
                    Name = "Series",
                    Type = AccessLinkType.Registration,
                    AuthenticationMethod = AuthenticationMethod.BypassAuth,
                    RecurringRegistrationOption = RecurringRegistrationOption.MultipleSessions,
                });
                var sessions = await zoom.Sessions.GetEventSessionListAsync(eventId);
                var ids = new List<string>();
                foreach (var session in sessions.Sessions!) ids.Add(session.SessionId!);
                var tickets = await zoom.Tickets.CreateTicketsAsync(eventId, new CreateTicketsRequest
                {
                    Tickets = new[] { new TicketRequest { Email = "ada@example.com", SessionIds = ids } },
                }, ValidationLevel.Standard);
                var all = new List<string>();
                await foreach (var ticket in zoom.Tickets.GetTicketsAllAsync(eventId)) all.Add(ticket.TicketId!);
                return string.Join("|", published.Status, ticketTypes.TicketTypes!.Count, link.AccessLinkId, tickets.Tickets!.Count, string.Join(",", all));
            }
        }
        """;

    private const string ErrorProbe = """
        public static class ErrorProbe
        {
            public static System.Threading.Tasks.Task RunAsync(System.Net.Http.HttpClient http)
                => new Zoom.Live.ZoomEventsClient(http).Events.GetEventInfoAsync("missing");
        }
        """;

    private const string DeleteProbe = """
        public static class DeleteProbe
        {
            public static System.Threading.Tasks.Task RunAsync(System.Net.Http.HttpClient http)
                => new Zoom.Live.ZoomEventsClient(http).Events.DeleteEventAsync("a/b c");
        }
        """;

    // Compiling the generated client is the slow part; every probe shares one compilation.
    private static readonly Lazy<GeneratedAssembly> Live = new(() => GeneratedAssembly.BuildLive(Probe, ErrorProbe, DeleteProbe));

    [Fact]
    public async Task Recurring_flow_compiles_against_the_seam_names_and_runs()
    {
        var generated = Live.Value;
        var zoom = new FakeZoom()
            .On("GET", "/v2/zoom_events/hubs?role_type=host", HttpStatusCode.OK, """{"total_records":1,"hubs":[{"hub_id":"hub1","name":"Main"}]}""")
            .On("POST", "/v2/zoom_events/events", HttpStatusCode.Created, """{"event_id":"ev1","name":"Weekly clinic","status":"DRAFT"}""")
            .On("POST", "/v2/zoom_events/events/ev1/event_actions", HttpStatusCode.Created, """{"event_id":"ev1","status":"published"}""")
            .On("GET", "/v2/zoom_events/events/ev1/ticket_types", HttpStatusCode.OK, """{"total_records":1,"ticket_types":[{"ticket_type_id":"tt1","name":"Default"}]}""")
            .On("POST", "/v2/zoom_events/events/ev1/access_links", HttpStatusCode.Created, """{"access_link_id":"al1","name":"Series","type":"registration"}""")
            .On("GET", "/v2/zoom_events/events/ev1/sessions", HttpStatusCode.OK, """{"total_records":1,"sessions":[{"session_id":"s1"},{"session_id":"s2"}]}""")
            .On("POST", "/v2/zoom_events/events/ev1/tickets", HttpStatusCode.Created, """{"tickets":[{"ticket_id":"t1","email":"ada@example.com"}],"errors":[]}""")
            .On("GET", "/v2/zoom_events/events/ev1/tickets", HttpStatusCode.OK, """{"total_records":3,"next_page_token":"p2","tickets":[{"ticket_id":"t1"},{"ticket_id":"t2"}]}""")
            .On("GET", "/v2/zoom_events/events/ev1/tickets?next_page_token=p2", HttpStatusCode.OK, """{"total_records":3,"next_page_token":"","tickets":[{"ticket_id":"t3"}]}""");

        var run = generated.Assembly.GetType("RecurringFlowProbe")!.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
        var result = await (Task<string>)run.Invoke(null, new object[] { zoom.Client() })!;

        Assert.Equal("published|1|al1|1|t1,t2,t3", result);
        var create = zoom.Requests.Single(r => r.Method == "POST" && r.PathAndQuery == "/v2/zoom_events/events");
        Assert.Contains("\"calendar\":[{\"start_time\":\"2025-12-01T14:00:00Z\",\"end_time\":\"2025-12-01T15:00:00Z\"}]", create.Body);
        Assert.Contains("\"recurrence\":{\"type\":2,\"repeat_interval\":1,\"weekly_days\":[2,6],\"end_times\":4,\"duration\":60}", create.Body);
        Assert.Contains(zoom.Requests, r => r.PathAndQuery == "/v2/zoom_events/events/ev1/tickets?validation_level=standard");
        Assert.Contains("\"session_ids\":[\"s1\",\"s2\"]", zoom.Requests.Single(r => r.PathAndQuery.EndsWith("validation_level=standard", StringComparison.Ordinal)).Body);
    }

    [Fact]
    public async Task Error_responses_surface_as_ZoomApiException_with_the_zoom_code()
    {
        var generated = Live.Value;
        var zoom = new FakeZoom().On("GET", "/v2/zoom_events/events/missing", HttpStatusCode.NotFound, """{"code":2002,"message":"Event does not exist."}""");

        var run = generated.Assembly.GetType("ErrorProbe")!.GetMethod("RunAsync")!;
        var error = await Assert.ThrowsAsync<ZoomEvents.Runtime.ZoomApiException>(() => (Task)run.Invoke(null, new object[] { zoom.Client() })!);

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(2002, error.ErrorCode);
    }

    [Fact]
    public async Task No_content_responses_complete_and_path_values_are_escaped()
    {
        var generated = Live.Value;
        var zoom = new FakeZoom().On("DELETE", "/v2/zoom_events/events/a%2Fb%20c", HttpStatusCode.NoContent);

        await (Task)generated.Assembly.GetType("DeleteProbe")!.GetMethod("RunAsync")!.Invoke(null, new object[] { zoom.Client() })!;

        Assert.Equal("/v2/zoom_events/events/a%2Fb%20c", Assert.Single(zoom.Requests).PathAndQuery);
    }
}
