using System.Net;
using Xunit;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Zoom;
using ZoomEvents.Pact;
using static ZoomEvents.ConsumerPacts.Tests.Infrastructure.Wire;

namespace ZoomEvents.ConsumerPacts.Tests.Scenarios;

/// <summary>Steps 4–6 of the tutorial: the default ticket type, the three registration links, the sessions.</summary>
internal static class RegistrationScenarios
{
    public static PactScenario ListTicketTypes { get; } = new(
        "list the event's ticket types",
        pact => pact.UponReceiving("a request to list the ticket types of a published recurring event")
            .Given("a published recurring event exists", new { eventId = EventId, hubId = HubId, ticketTypeId = TicketTypeId })
            .WithReference("openapi", "operationId", "getEventTicketTypes")
            .WithRequest(HttpMethod.Get, EventPath(EventId, "ticket_types"))
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new
            {
                total_records = Match.Integer(1),
                ticket_types = Match.EachLike(new
                {
                    ticket_type_id = Id(TicketTypeId),
                    name = Match.Type("General admission"),
                    currency = Match.Regex("USD", "^[A-Z]{3}$"),
                    free = Match.Boolean(true),
                    price = Match.Regex("0", @"^\d+(\.\d+)?$"),
                }),
            }),
        async zoom =>
        {
            var list = await zoom.TicketTypes.GetEventTicketTypesAsync(EventId);
            var type = Assert.Single(list.TicketTypes!);
            Assert.Equal(TicketTypeId, type.TicketTypeId);
            Assert.True(type.Free);
        });

    /// <summary>One registration link per <c>recurring_registration_option</c>.</summary>
    public static PactScenario CreateLink(string option) => new(
        $"create the {option} registration link",
        pact => DescribeCreateLink(pact, option),
        async zoom =>
        {
            var link = await zoom.EventAccess.CreateEventAccessLinkAsync(EventId, LinkRequest(option));
            Assert.Equal(LinkId(option), link.AccessLinkId);
            Assert.Equal(AccessLinkType.Registration, link.Type);
            Assert.Equal((RecurringRegistrationOption)option, link.RecurringRegistrationOption);
            Assert.True(link.RecurringRegistrationOption!.Value.IsKnown);
        });

    public static readonly string[] Options = ["all_sessions", "single_session", "multiple_sessions"];

    /// <summary>The interaction of <see cref="CreateLink"/>; also used by the test that proves a wrong client fails.</summary>
    /// <param name="wireOption">What the request body pins as <c>recurring_registration_option</c>; default <paramref name="option"/>.</param>
    public static void DescribeCreateLink(PactV4 pact, string option, string? wireOption = null) =>
        pact.UponReceiving($"a request to create the {option} registration link")
            .Given("a published recurring event exists", new { eventId = EventId, hubId = HubId, ticketTypeId = TicketTypeId })
            .WithReference("openapi", "operationId", "createEventAccessLink")
            .WithRequest(HttpMethod.Post, EventPath(EventId, "access_links"))
            .WithHeader("Authorization", Bearer())
            .WithJsonBody(LinkBody(option, wireOption ?? option))
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new
            {
                access_link_id = Id(LinkId(option)),
                name = Match.Type(LinkName(option)),
                type = "registration",
                authentication_method = LinkAuthentication(option),
                is_default = Match.Boolean(option == "all_sessions"),
                ticket_type_id = Id(TicketTypeId),
                recurring_registration_option = option,
            });

    /// <summary>
    /// The documented request bodies (Zoom's tutorial, with the reference's field names): all_sessions without sign-in,
    /// the per-session options with Zoom sign-in and email authentication at join.
    /// </summary>
    private static object LinkBody(string option, string wireOption) => option == "all_sessions"
        ? new
        {
            name = LinkName(option),
            type = "registration",
            authentication_method = LinkAuthentication(option),
            ticket_type_id = TicketTypeId,
            recurring_registration_option = wireOption,
        }
        : new
        {
            name = LinkName(option),
            type = "registration",
            authentication_method = LinkAuthentication(option),
            security_at_join = new { email_authentication = true },
            ticket_type_id = TicketTypeId,
            recurring_registration_option = wireOption,
        };

    public static CreateAccessLinkRequest LinkRequest(string option, string? wireOption = null) => new()
    {
        Name = LinkName(option),
        Type = AccessLinkType.Registration,
        AuthenticationMethod = LinkAuthentication(option),
        SecurityAtJoin = option == "all_sessions" ? null : new SecurityAtJoin { EmailAuthentication = true },
        TicketTypeId = TicketTypeId,
        RecurringRegistrationOption = wireOption ?? option,
    };

    private static string LinkName(string option) => option switch
    {
        "all_sessions" => "All sessions (no sign-in)",
        "single_session" => "Single session",
        _ => "Multiple sessions",
    };

    private static string LinkAuthentication(string option) => option == "all_sessions" ? "bypass_auth" : "zoom_account";

    private static string LinkId(string option) => option switch
    {
        "all_sessions" => AllSessionsLinkId,
        "single_session" => SingleSessionLinkId,
        _ => MultipleSessionsLinkId,
    };

    public static PactScenario ListSessions { get; } = new(
        "list the occurrences of the recurring event",
        pact => pact.UponReceiving("a request to list the sessions of a published recurring event")
            .Given("a published recurring event exists", new { eventId = EventId, hubId = HubId, sessionIds = new[] { Session1, Session2 } })
            .WithReference("openapi", "operationId", "getEventSessionList")
            .WithRequest(HttpMethod.Get, EventPath(EventId, "sessions"))
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new
            {
                total_records = Match.Integer(7),
                sessions = Match.EachLike(new
                {
                    session_id = Id(Session1),
                    name = Match.Type("Monthly product office hours"),
                    start_time = Utc(FirstStart),
                    end_time = Utc(FirstEnd),
                    timezone = Match.Type("America/Indianapolis"),
                    type = Match.Integer(0),
                    attendance_type = Match.Regex("virtual", "^(virtual|in-person|hybrid)$"),
                }),
            }),
        async zoom =>
        {
            var list = await zoom.Sessions.GetEventSessionListAsync(EventId);
            var session = Assert.Single(list.Sessions!);
            Assert.Equal(Session1, session.SessionId);
            Assert.Equal(new DateTimeOffset(2026, 1, 7, 13, 0, 0, TimeSpan.Zero), session.StartTime);
            Assert.Equal(TimeSpan.FromMinutes(15), session.EndTime - session.StartTime);
            Assert.Equal(SessionType.Meeting, session.Type);
        });

    public static IReadOnlyList<PactScenario> All { get; } =
        [ListTicketTypes, .. Options.Select(CreateLink), ListSessions];
}
