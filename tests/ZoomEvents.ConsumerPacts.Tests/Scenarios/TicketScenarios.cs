using System.Net;
using Xunit;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Zoom;
using ZoomEvents.Pact;
using ZoomEvents.Runtime;
using static ZoomEvents.ConsumerPacts.Tests.Infrastructure.Wire;

namespace ZoomEvents.ConsumerPacts.Tests.Scenarios;

/// <summary>Step 7 of the tutorial (tickets under each link type) and the errors a client must understand.</summary>
internal static class TicketScenarios
{
    private const string Jill = "jill.chill@example.com";
    private const string Raj = "raj.patel@example.com";
    private const string Ada = "ada.lovelace@example.com";

    private static object RegistrationLinks => new
    {
        eventId = EventId,
        hubId = HubId,
        ticketTypeId = TicketTypeId,
        sessionIds = new[] { Session1, Session2 },
        allSessionsLinkId = AllSessionsLinkId,
        singleSessionLinkId = SingleSessionLinkId,
        multipleSessionsLinkId = MultipleSessionsLinkId,
    };

    /// <summary>Shape of every issued ticket in a 201; ids and links vary, so only their types are pinned.</summary>
    private static object IssuedTicket(string ticketId, string email) => new
    {
        ticket_id = Id(ticketId),
        email = Match.Type(email),
        event_join_link = Match.Type($"https://events.zoom.us/ejl/{ticketId}"),
        qr_code_url = Match.Type($"https://events.zoom.us/qr/{ticketId}"),
    };

    public static PactScenario TicketsForChosenSessions { get; } = new(
        "issue tickets for chosen sessions",
        pact => pact.UponReceiving("a request to issue tickets for chosen sessions")
            .Given("registration links exist for every option", RegistrationLinks)
            .WithReference("openapi", "operationId", "createTickets")
            .WithRequest(HttpMethod.Post, EventPath(EventId, "tickets"))
            .WithHeader("Authorization", Bearer())
            // single_session: one session per entry; multiple_sessions: the chosen subset in one entry.
            .WithJsonBody(new
            {
                tickets = new object[]
                {
                    new { email = Jill, first_name = "Jill", last_name = "Chill", session_ids = new[] { Session1 } },
                    new { email = Raj, first_name = "Raj", last_name = "Patel", session_ids = new[] { Session1, Session2 } },
                },
            })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new
            {
                tickets = Match.EachLike(IssuedTicket("T1aa8kYqR0yJ9wq3Uu5bFg", Jill)),
                // Exactly empty: every entry was issued.
                errors = Array.Empty<object>(),
            }),
        async zoom =>
        {
            var result = await zoom.Tickets.CreateTicketsAsync(EventId, new CreateTicketsRequest
            {
                Tickets =
                [
                    new TicketRequest { Email = Jill, FirstName = "Jill", LastName = "Chill", SessionIds = [Session1] },
                    new TicketRequest { Email = Raj, FirstName = "Raj", LastName = "Patel", SessionIds = [Session1, Session2] },
                ],
            });
            Assert.Empty(result.Errors!);
            var ticket = Assert.Single(result.Tickets!);
            Assert.Equal("T1aa8kYqR0yJ9wq3Uu5bFg", ticket.TicketId);
            Assert.Equal(Jill, ticket.Email);
        });

    public static PactScenario TicketForAllSessions { get; } = new(
        "issue a ticket for every session through the all_sessions link",
        pact => pact.UponReceiving("a request to issue an all_sessions ticket without session ids")
            .Given("an access link exists", new
            {
                eventId = EventId,
                hubId = HubId,
                ticketTypeId = TicketTypeId,
                accessLinkId = AllSessionsLinkId,
                linkName = "All sessions (no sign-in)",
                recurringRegistrationOption = "all_sessions",
            })
            .WithReference("openapi", "operationId", "createTickets")
            .WithRequest(HttpMethod.Post, EventPath(EventId, "tickets"))
            .WithHeader("Authorization", Bearer())
            // all_sessions: no session_ids at all (not even an empty array); one ticket admits to every session.
            .WithJsonBody(new { tickets = new[] { new { email = Ada, first_name = "Ada", last_name = "Lovelace" } } })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new
            {
                tickets = Match.EachLike(IssuedTicket("T3cc5pJsU0aL2ys8Ww7dHi", Ada)),
                errors = Array.Empty<object>(),
            }),
        async zoom =>
        {
            var result = await zoom.Tickets.CreateTicketsAsync(EventId, new CreateTicketsRequest
            {
                Tickets = [new TicketRequest { Email = Ada, FirstName = "Ada", LastName = "Lovelace" }],
            });
            Assert.Empty(result.Errors!);
            Assert.Equal(Ada, Assert.Single(result.Tickets!).Email);
        });

    public static PactScenario PartialSuccess { get; } = new(
        "issue a batch where one ticket fails (201 with errors)",
        pact => pact.UponReceiving("a request to issue a batch in which one ticket names an unknown ticket type")
            .Given("a published recurring event exists", new { eventId = EventId, hubId = HubId, ticketTypeId = TicketTypeId })
            .WithReference("openapi", "operationId", "createTickets")
            .WithRequest(HttpMethod.Post, EventPath(EventId, "tickets"))
            .WithHeader("Authorization", Bearer())
            .WithJsonBody(new
            {
                tickets = new object[]
                {
                    new { email = Jill, ticket_type_id = TicketTypeId },
                    new { email = Raj, ticket_type_id = UnknownTicketTypeId },
                },
            })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new
            {
                tickets = Match.EachLike(IssuedTicket("T1aa8kYqR0yJ9wq3Uu5bFg", Jill)),
                errors = Match.EachLike(new
                {
                    email = Match.Type(Raj),
                    error_code = "ticket_type_notfound",
                    message = Match.Type($"Ticket type {UnknownTicketTypeId} does not exist for this event."),
                }),
            }),
        async zoom =>
        {
            // A partly failed batch is still a 201: the client returns both lists instead of throwing.
            var result = await zoom.Tickets.CreateTicketsAsync(EventId, new CreateTicketsRequest
            {
                Tickets =
                [
                    new TicketRequest { Email = Jill, TicketTypeId = TicketTypeId },
                    new TicketRequest { Email = Raj, TicketTypeId = UnknownTicketTypeId },
                ],
            });
            Assert.Equal(Jill, Assert.Single(result.Tickets!).Email);
            var error = Assert.Single(result.Errors!);
            Assert.Equal(Raj, error.Email);
            Assert.Equal(TicketErrorCode.TicketTypeNotfound, error.ErrorCode);
            Assert.True(error.ErrorCode!.Value.IsKnown);
        });

    public static PactScenario EventNotPublished { get; } = new(
        "issue tickets for an unpublished event (400, code 26501)",
        pact => pact.UponReceiving("a request to issue tickets for a draft event")
            .Given("a draft recurring event exists", new { eventId = EventId, hubId = HubId })
            .WithReference("openapi", "operationId", "createTickets")
            .WithRequest(HttpMethod.Post, EventPath(EventId, "tickets"))
            .WithHeader("Authorization", Bearer())
            .WithJsonBody(new { tickets = new[] { new { email = Jill } } })
            .WillRespond()
            .WithStatus(HttpStatusCode.BadRequest)
            .WithJsonBody(new { code = 26501, message = Match.Type("Tickets can only be issued for a published event.") }),
        async zoom =>
        {
            var error = await Assert.ThrowsAsync<ZoomApiException>(() =>
                zoom.Tickets.CreateTicketsAsync(EventId, new CreateTicketsRequest { Tickets = [new TicketRequest { Email = Jill }] }));
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal(26501, error.ErrorCode);
            Assert.Empty(error.FieldErrors);
        });

    /// <summary>
    /// A 429 with <c>Retry-After</c>. The consumer registers its client with retries off (see
    /// <see cref="ZoomPact.Client"/>), so the typed exception is what a caller sees once the runtime's retries are
    /// spent; how many retries happen is the runtime's concern and tested there.
    /// </summary>
    public static PactScenario RateLimited { get; } = new(
        "list sessions while the rate limit is exhausted (429 with Retry-After)",
        pact => pact.UponReceiving("a request to list sessions while the per-second rate limit is exhausted")
            .Given("a published recurring event exists", new { eventId = EventId, hubId = HubId })
            .Given("the per-second rate limit is exhausted", new { retryAfterSeconds = 2 })
            .WithReference("openapi", "operationId", "getEventSessionList")
            .WithRequest(HttpMethod.Get, EventPath(EventId, "sessions"))
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.TooManyRequests)
            .WithHeader("Retry-After", Match.Regex("2", @"^\d+$"))
            .WithHeader("X-RateLimit-Type", "QPS")
            .WithJsonBody(new { code = 429, message = Match.Type("Too many requests per second for this API; slow down and retry.") }),
        async zoom =>
        {
            var error = await Assert.ThrowsAsync<ZoomRateLimitException>(() => zoom.Sessions.GetEventSessionListAsync(EventId));
            Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
            Assert.Equal(429, error.ErrorCode);
            Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
            Assert.False(error.IsDailyLimit);
        });

    /// <summary>
    /// The lookup the ticket registrar uses after an ambiguous failure (a dropped connection on a POST): find the ticket
    /// by the caller's own <c>external_ticket_id</c> before deciding whether to send it again.
    /// </summary>
    public static PactScenario FindByExternalTicketId { get; } = new(
        "find a ticket by its external_ticket_id",
        pact => pact.UponReceiving("a request to find a ticket by its external ticket id")
            .Given("a ticket exists", new
            {
                eventId = EventId,
                hubId = HubId,
                ticketTypeId = TicketTypeId,
                sessionIds = new[] { Session1, Session2 },
                ticketId = "T1aa8kYqR0yJ9wq3Uu5bFg",
                email = Jill,
                externalTicketId = ExternalTicketId,
                ticketSessionIds = new[] { Session1 },
            })
            .WithReference("openapi", "operationId", "getTickets")
            .WithRequest(HttpMethod.Get, EventPath(EventId, "tickets"))
            .WithQuery("external_ticket_id", ExternalTicketId)
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new
            {
                total_records = Match.Integer(1),
                page_size = Match.Integer(30),
                // Empty: the answer is complete on this page.
                next_page_token = "",
                tickets = Match.EachLike(new
                {
                    ticket_id = Id("T1aa8kYqR0yJ9wq3Uu5bFg"),
                    ticket_type_id = Id(TicketTypeId),
                    external_ticket_id = ExternalTicketId,
                    email = Match.Type(Jill),
                    session_ids = Match.EachLike(Id(Session1)),
                }),
            }),
        async zoom =>
        {
            var page = await zoom.Tickets.GetTicketsAsync(EventId, externalTicketId: ExternalTicketId);
            Assert.True(string.IsNullOrEmpty(page.NextPageToken));
            var ticket = Assert.Single(page.Tickets!);
            Assert.Equal(ExternalTicketId, ticket.ExternalTicketId);
            Assert.Equal("T1aa8kYqR0yJ9wq3Uu5bFg", ticket.TicketId);
            Assert.Equal([Session1], ticket.SessionIds!);
        });

    private const string ExternalTicketId = "crm-registration-0001";

    public static IReadOnlyList<PactScenario> All { get; } =
        [TicketsForChosenSessions, TicketForAllSessions, PartialSuccess, EventNotPublished, RateLimited, FindByExternalTicketId];
}
