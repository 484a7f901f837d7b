using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Api;
using ZoomEvents.Sandbox.Infrastructure;
using ZoomEvents.Sandbox.Store;

namespace ZoomEvents.Sandbox.ProviderStates;

internal sealed record StateParam(string Name, string Description);

/// <summary>What a provider state may touch besides the store.</summary>
internal sealed record StateContext(SandboxOptions Options, FaultInjector Faults);

/// <summary>One provider state: its exact name (as pacts spell it), what it sets up, and the params it honours.</summary>
internal sealed record ProviderState(string Name, string Description, IReadOnlyList<StateParam> Params, Func<StoreData, StateParams, StateContext, JsonObject> Setup);

/// <summary>
/// The provider states the sandbox can set up. The table is the single source of truth: the endpoint dispatches on it,
/// <c>GET /_pact/provider-states</c> lists it, and README.md documents the same rows. Every setup adds to the current
/// state (an interaction may have several states) and replaces entities whose ids are given, so re-running a state is
/// safe. Each returns the ids it used, which Pact can inject into requests (<c>fromProviderState</c>).
/// </summary>
internal static class ProviderStateCatalog
{
    private static readonly StateParam HubIdParam = new("hubId", "Id of the hub (created when missing); default: the seeded hub.");
    private static readonly StateParam EventIdParam = new("eventId", "Id the event gets; default: a new random id.");
    private static readonly StateParam NameParam = new("name", "Event name; default 'Product planning'.");
    private static readonly StateParam TimezoneParam = new("timezone", "Zoom time-zone id; default America/Indianapolis.");
    private static readonly StateParam StartParam = new("startTime", "UTC start of the first session; default 2026-01-07T13:00:00Z (recurring) or 2030-01-15T15:00:00Z.");
    private static readonly StateParam SessionIdsParam = new("sessionIds", "Ids for the sessions in order (array or comma-separated); default: derived, stable ids.");
    private static readonly StateParam TicketTypeIdParam = new("ticketTypeId", "Id of the event's default ticket type; default: derived from the event id.");

    private static readonly StateParam[] EventParams = [EventIdParam, HubIdParam, NameParam, TimezoneParam, StartParam, SessionIdsParam, TicketTypeIdParam];

    public static IReadOnlyList<ProviderState> States { get; } =
    [
        new("a hub exists", "A hub the caller hosts.", [HubIdParam, new("hubName", "Hub name; default 'Sandbox Hub'.")],
            (d, p, c) => Ids(EnsureHub(d, p, c.Options), null)),
        new("no events exist", "Removes every event (hubs stay).", [],
            (d, _, _) => { d.Events.Clear(); return []; }),
        new("an event exists", "Same as 'a draft event exists' (the generic name some pacts use).", EventParams,
            (d, p, c) => Ids(null, NewEvent(d, p, c.Options, recurring: false, EventStatus.Draft))),
        new("a draft event exists", "A SIMPLE_EVENT in DRAFT with one calendar day.", EventParams,
            (d, p, c) => Ids(null, NewEvent(d, p, c.Options, recurring: false, EventStatus.Draft))),
        new("a published event exists", "A PUBLISHED SIMPLE_EVENT with one calendar day.", EventParams,
            (d, p, c) => Ids(null, NewEvent(d, p, c.Options, recurring: false, EventStatus.Published))),
        new("a cancelled event exists", "A CANCELLED SIMPLE_EVENT.", EventParams,
            (d, p, c) => Ids(null, NewEvent(d, p, c.Options, recurring: false, EventStatus.Cancelled))),
        new("a draft recurring event exists", "The tutorial's RECURRING event (monthly, first Wednesday, 7 times, 15 minutes) in DRAFT.", [.. EventParams, EndTimesParam],
            (d, p, c) => Ids(null, NewEvent(d, p, c.Options, recurring: true, EventStatus.Draft))),
        new("a published recurring event exists", "The tutorial's RECURRING event, PUBLISHED.", [.. EventParams, EndTimesParam],
            (d, p, c) => Ids(null, NewEvent(d, p, c.Options, recurring: true, EventStatus.Published))),
        new("an access link exists", "A link on the event given by eventId (a published recurring event is created when it does not exist).",
            [.. EventParams, new("accessLinkId", "Id of the link; default random."), new("linkName", "Link name; default 'Registration'."),
             new("linkType", "registration (default) or group-join."), new("authenticationMethod", "Default bypass_auth."),
             new("recurringRegistrationOption", "all_sessions (default), single_session or multiple_sessions.")],
            (d, p, c) =>
            {
                var body = new JsonObject
                {
                    ["name"] = p.String("linkName") ?? "Registration",
                    ["type"] = p.String("linkType") ?? "registration",
                    ["authentication_method"] = p.String("authenticationMethod") ?? "bypass_auth",
                };
                if (p.String("recurringRegistrationOption") is { } option)
                {
                    body["recurring_registration_option"] = option;
                }

                (string, string)[] fields =
                [
                    ("name", "linkName"), ("type", "linkType"), ("authentication_method", "authenticationMethod"), ("idp_name", "authenticationMethod"),
                    ("recurring_registration_option", "recurringRegistrationOption"),
                ];
                var input = StateParams.Checked(() => AccessLinksApi.Parse(body, create: true), fields);
                var linkId = p.Id("accessLinkId");
                var record = ExistingOrNewEvent(d, p, c.Options);

                // Registration links of a recurring event get all_sessions by default (AccessLinkDomain.Create).
                var link = StateParams.Checked(() => AccessLinkDomain.Create(record, input, linkId), fields);
                var ids = Ids(null, record);
                ids["accessLinkId"] = link.Id;
                return ids;
            }),
        new("registration links exist for every option", "Three registration links (all_sessions, single_session, multiple_sessions) on a published recurring event.",
            [.. EventParams, new("allSessionsLinkId", "Id of the all_sessions link."), new("singleSessionLinkId", "Id of the single_session link."),
             new("multipleSessionsLinkId", "Id of the multiple_sessions link.")],
            (d, p, c) =>
            {
                p.RequireDistinct("allSessionsLinkId", "singleSessionLinkId", "multipleSessionsLinkId");
                var record = ExistingOrNewEvent(d, p, c.Options);
                if (!record.IsRecurring)
                {
                    throw ZoomProblem.Validation("params.eventId", $"Event {record.Id} is not RECURRING; registration options apply to recurring events only.");
                }

                var ids = Ids(null, record);
                foreach (var (option, param, name) in new[]
                {
                    (RegistrationOptions.AllSessions, "allSessionsLinkId", "All sessions"),
                    (RegistrationOptions.SingleSession, "singleSessionLinkId", "Single session"),
                    (RegistrationOptions.MultipleSessions, "multipleSessionsLinkId", "Multiple sessions"),
                })
                {
                    record.Links.RemoveAll(l => l.Name == name);
                    var link = AccessLinkDomain.Create(record, new AccessLinkInput
                    {
                        Name = name, Type = "registration", AuthenticationMethod = "bypass_auth", RecurringRegistrationOption = option,
                    }, p.Id(param));
                    ids[param] = link.Id;
                }

                return ids;
            }),
        new("a ticket exists", "One ticket on the event given by eventId (a published recurring event is created when it does not exist).",
            [.. EventParams, new("ticketId", "Id of the ticket; default random."), new("email", "Default attendee@example.com."),
             new("externalTicketId", "The caller's id for the ticket; default none."), new("ticketSessionIds", "Sessions the ticket covers; default all.")],
            (d, p, c) =>
            {
                var ticket = new JsonObject { ["email"] = p.String("email") ?? "attendee@example.com" };
                ticket.SetIfNotNull("external_ticket_id", p.String("externalTicketId"));
                if (p.Ids("ticketSessionIds") is { } sessionIds)
                {
                    ticket["session_ids"] = ZoomJson.Array(sessionIds);
                }

                (string, string)[] fields =
                [
                    ("tickets[0].email", "email"), ("tickets[0].external_ticket_id", "externalTicketId"), ("tickets[0].session_ids", "ticketSessionIds"),
                ];
                var input = StateParams.Checked(() => TicketsApi.Parse(new JsonObject { ["tickets"] = new JsonArray(ticket) }).Tickets[0], fields);
                var ticketId = p.Id("ticketId");
                var record = ExistingOrNewEvent(d, p, c.Options);
                var (created, errors) = StateParams.Checked(
                    () => TicketDomain.Create(record, [input], "none", "provider-state", ticketId is null ? null : [ticketId]), fields);
                if (errors.Count > 0)
                {
                    var param = errors[0].ErrorCode == "session_not_found" ? "params.ticketSessionIds" : "params";
                    throw ZoomProblem.Validation(param, errors[0].Message);
                }

                var ids = Ids(null, record);
                ids["ticketId"] = created[0].Id;
                return ids;
            }),
        new("tickets exist", "count tickets (default 35, enough for two pages) on the event given by eventId.",
            [.. EventParams, new("count", "How many tickets (1–1000); default 35."), new("emailDomain", "Domain of the generated addresses; default example.com.")],
            (d, p, c) =>
            {
                var count = p.Int("count", 1, 1000) ?? 35;
                var domain = p.String("emailDomain") ?? "example.com";

                // The addresses differ only in their local part, and attendee{count} has the longest one, so checking it
                // checks the domain and the 128-character limit for all of them.
                StateParams.Checked(
                    () => TicketsApi.Parse(new JsonObject { ["tickets"] = new JsonArray(new JsonObject { ["email"] = $"attendee{count}@{domain}" }) }),
                    ("tickets[0].email", "emailDomain"));
                var record = ExistingOrNewEvent(d, p, c.Options);

                // Checked up front: TicketDomain reports sold-out entries per ticket, which returned fewer ids than asked.
                var left = record.TicketType.Quantity - record.Tickets.Count;
                if (count > left)
                {
                    throw ZoomProblem.Validation("params.count", $"count {count} is more than the {left} tickets left on event {record.Id}.");
                }

                var inputs = Enumerable.Range(1, count).Select(i => new TicketInput { Email = $"attendee{i}@{domain}", ExternalTicketId = $"ext-{i}" }).ToList();
                var ids = Ids(null, record);
                ids["ticketIds"] = ZoomJson.Array(TicketDomain.Create(record, inputs, "none", "provider-state", maxTickets: count).Created.Select(t => t.Id));
                return ids;
            }),
        new("the per-second rate limit is exhausted", "Every API request gets a QPS 429 until teardown (or a reset).",
            [new("retryAfterSeconds", "Seconds sent in Retry-After (1–3600); default 1.")],
            (_, p, c) =>
            {
                var seconds = p.Int("retryAfterSeconds", 1, 3600) ?? 1;
                c.Faults.Configure(new SandboxFaults { RateLimitEveryNth = 1, RetryAfterSeconds = seconds });
                return new JsonObject { ["retryAfterSeconds"] = seconds };
            }),
    ];

    private static StateParam EndTimesParam => new("endTimes", "Occurrences of the recurring event (1–60); default 7.");

    public static ProviderState? Find(string name) =>
        States.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private static HubRecord EnsureHub(StoreData d, StateParams p, SandboxOptions o)
    {
        var id = p.Id("hubId") ?? o.SeedHubId;
        if (!d.Hubs.TryGetValue(id, out var hub) || p.String("hubName") is not null)
        {
            hub = new HubRecord(id, p.String("hubName") ?? hub?.Name ?? o.SeedHubName, "Hub set up by a provider state.", "PUBLIC");
            d.Hubs[id] = hub;
        }

        return hub;
    }

    private static EventRecord ExistingOrNewEvent(StoreData d, StateParams p, SandboxOptions o) =>
        p.Id("eventId") is { } id && d.Events.TryGetValue(id, out var existing)
            ? existing
            : NewEvent(d, p, o, recurring: true, EventStatus.Published);

    // The event is described as a createEvent body and goes through the API's parser and rules, so a param the API
    // would refuse (a blank name, a zone a recurrence can't use) is a 400 naming that param.
    private static EventRecord NewEvent(StoreData d, StateParams p, SandboxOptions o, bool recurring, string status)
    {
        var start = p.Date("startTime") ?? (recurring ? new DateTimeOffset(2026, 1, 7, 13, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2030, 1, 15, 15, 0, 0, TimeSpan.Zero));
        var endTimes = p.Int("endTimes", 1, 60) ?? 7;
        var eventId = p.Id("eventId");
        var ticketTypeId = p.Id("ticketTypeId");
        var sessionIds = p.Ids("sessionIds");
        var hub = EnsureHub(d, p, o);
        var body = new JsonObject
        {
            ["hub_id"] = hub.Id,
            ["name"] = p.String("name") ?? "Product planning",
            ["description"] = recurring ? "Monthly product planning, first Wednesday." : "A one-day event.",
            ["timezone"] = p.String("timezone") ?? "America/Indianapolis",
            ["event_type"] = recurring ? EventTypes.Recurring : EventTypes.Simple,
            ["access_level"] = "PRIVATE_RESTRICTED",
            ["attendance_type"] = "virtual",
            ["meeting_type"] = "MEETING",
            ["calendar"] = new JsonArray(new JsonObject
            {
                ["start_time"] = ZoomJson.Date(start),
                ["end_time"] = ZoomJson.Date(start + (recurring ? TimeSpan.FromMinutes(15) : TimeSpan.FromHours(1))),
            }),
        };
        if (recurring)
        {
            body["recurrence"] = new JsonObject
            {
                ["type"] = 3, ["repeat_interval"] = 1, ["monthly_week"] = 1, ["monthly_week_day"] = 4, ["end_times"] = endTimes, ["duration"] = 15,
            };
        }

        (string, string)[] fields =
        [
            ("name", "name"), ("timezone", "timezone"), ("hub_id", "hubId"), ("calendar[0].start_time", "startTime"), ("calendar", "startTime"),
            ("recurrence.end_times", "endTimes"),
        ];
        var input = StateParams.Checked(() => EventsApi.ParseEvent(body, create: true), fields);
        var record = StateParams.Checked(() => EventDomain.Create(d, input, eventId, ticketTypeId, sessionIds), fields);
        record.Status = status;
        return record;
    }

    private static JsonObject Ids(HubRecord? hub, EventRecord? record)
    {
        var ids = new JsonObject();
        if (hub is not null)
        {
            ids["hubId"] = hub.Id;
        }

        if (record is not null)
        {
            ids["hubId"] = record.HubId;
            ids["eventId"] = record.Id;
            ids["ticketTypeId"] = record.TicketType.Id;
            ids["sessionIds"] = ZoomJson.Array(record.Sessions.Select(s => s.Id));
            ids["sessionId"] = record.Sessions[0].Id;
            if (record.Sessions.Count > 1)
            {
                ids["sessionId2"] = record.Sessions[1].Id;
            }
        }

        return ids;
    }
}
