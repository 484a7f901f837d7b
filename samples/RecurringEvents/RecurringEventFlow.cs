using RecurringEvents.Zoom;
using ZoomEvents.Runtime.Registration;
using ZoomEvents.Runtime.Tickets;

namespace RecurringEvents;

/// <summary>
/// Zoom's "recurring event with session-level registration" tutorial, step by step, with the generated client:
/// list hubs → create a RECURRING event → publish → list ticket types → create the three registration links →
/// list sessions → register attendees under each link's <c>recurring_registration_option</c>.
/// </summary>
internal sealed class RecurringEventFlow(ZoomEventsClient zoom, TextWriter progress, DateTimeOffset firstStart)
{
    /// <summary>The tutorial's schedule: the first Wednesday of each month, seven times, fifteen minutes each.</summary>
    public const string TimeZone = "America/Indianapolis";
    private const int DurationMinutes = 15;

    /// <summary>The tutorial's first session, 2026-01-07 08:00 in Indianapolis; the sandbox accepts it at any date.</summary>
    public static readonly DateTimeOffset TutorialFirstStart = new(2026, 1, 7, 13, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The next first Wednesday of a month at 08:00 Indianapolis time after <paramref name="now"/>: a real account
    /// will not schedule an event in the past, so the same recurrence starts from there.
    /// </summary>
    public static DateTimeOffset NextFirstWednesday(DateTimeOffset now)
    {
        var zone = ZoomEvents.Runtime.Recurrence.ZoomTimeZones.Resolve(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        for (var month = new DateTime(local.Year, local.Month, 1); ; month = month.AddMonths(1))
        {
            var firstWednesday = month.AddDays(((int)DayOfWeek.Wednesday - (int)month.DayOfWeek + 7) % 7).AddHours(8);
            var start = new DateTimeOffset(firstWednesday, zone.GetUtcOffset(firstWednesday));
            if (start > now)
            {
                return start.ToUniversalTime();
            }
        }
    }

    public async Task<FlowResult> RunAsync(CancellationToken cancellationToken)
    {
        var hubs = await zoom.Hubs.GetHubListAsync(HubRoleType.Host, cancellationToken);
        var hub = hubs.Hubs?.FirstOrDefault(h => !string.IsNullOrEmpty(h.HubId))
            ?? throw new InvalidOperationException("The account has no Zoom Events hub where it is a host; create one in Zoom Events first.");
        Step($"hub {hub.HubId} ({hub.Name})");

        var created = await zoom.Events.CreateEventAsync(NewRecurringEvent(hub.HubId!, firstStart), cancellationToken);
        var eventId = created.EventId ?? throw new InvalidOperationException("createEvent answered without an event_id.");
        Step($"created event {eventId} ({created.Status})");

        await zoom.Events.EventActionsAsync(eventId, new EventActionRequest { Operation = EventOperation.Publish }, cancellationToken);
        var published = await zoom.Events.GetEventInfoAsync(eventId, cancellationToken);
        Step($"published: {published.Status}");

        var ticketTypes = await zoom.TicketTypes.GetEventTicketTypesAsync(eventId, cancellationToken);
        var ticketTypeId = ticketTypes.TicketTypes?.FirstOrDefault()?.TicketTypeId;
        Step($"default ticket type {ticketTypeId ?? "(none)"}");

        var links = new List<LinkRow>();
        foreach (var option in Options)
        {
            var link = await zoom.EventAccess.CreateEventAccessLinkAsync(eventId, new CreateAccessLinkRequest
            {
                Name = $"Register: {option.Value}",
                Type = AccessLinkType.Registration,
                AuthenticationMethod = AuthenticationMethod.BypassAuth,
                RecurringRegistrationOption = option,
                TicketTypeId = ticketTypeId,
            }, cancellationToken);
            links.Add(new LinkRow(option.Value, link.AccessLinkId ?? "", link.Name ?? ""));
            Step($"link {link.AccessLinkId} ({option.Value})");
        }

        var sessionList = await zoom.Sessions.GetEventSessionListAsync(eventId, cancellationToken);
        var sessions = (sessionList.Sessions ?? [])
            .Where(s => s.SessionId is not null && s.StartTime is not null && s.EndTime is not null)
            .Select(s => new SessionRow(s.SessionId!, s.StartTime!.Value, s.EndTime!.Value))
            .OrderBy(s => s.StartUtc)
            .ToList();
        Step($"{sessions.Count} sessions");

        // The tutorial's registrations: everyone on all_sessions, and the first two sessions on the other two links.
        var firstTwo = sessions.Take(2).Select(s => s.SessionId).ToArray();
        var tickets = new List<TicketRow>();
        var problems = new List<RegistrationProblem>();
        foreach (var option in Options)
        {
            var attendee = new Attendee($"{option.Value.Replace('_', '.')}@example.com", "Ada", "Lovelace",
                option == RecurringRegistrationOption.AllSessions ? [] : firstTwo);
            await RegisterAsync(eventId, ticketTypeId, option, sessions.Select(s => s.SessionId), [attendee], tickets, problems, cancellationToken);
        }

        return new FlowResult(eventId, hub.HubId!, published.Status?.Value ?? "", TimeZone, sessions, links, tickets, problems);
    }

    private static readonly RecurringRegistrationOption[] Options =
        [RecurringRegistrationOption.AllSessions, RecurringRegistrationOption.SingleSession, RecurringRegistrationOption.MultipleSessions];

    private static CreateEventRequest NewRecurringEvent(string hubId, DateTimeOffset firstStart) => new()
    {
        Name = "Monthly product office hours",
        Description = "First Wednesday of every month: fifteen minutes of questions and answers.",
        Timezone = TimeZone,
        EventType = EventType.Recurring,
        AccessLevel = AccessLevel.PrivateUnrestricted,
        AttendanceType = AttendanceType.Virtual,
        HubId = hubId,
        // Zoom needs both ends of the first calendar entry even though the tutorial shows only the start.
        Calendar = [new CalendarEntry { StartTime = firstStart, EndTime = firstStart.AddMinutes(DurationMinutes) }],
        Recurrence = new Recurrence
        {
            Type = RecurrenceType.Monthly,
            RepeatInterval = 1,
            MonthlyWeek = MonthlyWeek.First,
            MonthlyWeekDay = WeekDay.Wednesday,
            EndTimes = 7,
            Duration = DurationMinutes,
        },
    };

    private async Task RegisterAsync(
        string eventId, string? ticketTypeId, RecurringRegistrationOption option, IEnumerable<string> eventSessionIds,
        IReadOnlyList<Attendee> attendees, List<TicketRow> tickets, List<RegistrationProblem> problems, CancellationToken cancellationToken)
    {
        // The planner applies the link's rule: all_sessions → one ticket and no ids; single_session → a ticket per
        // session; multiple_sessions → one ticket for the chosen sessions. A broken choice rejects that attendee only.
        var plan = RegistrationPlanner.Plan(option.Value, eventSessionIds, attendees, a => a.SessionIds, a => a.Email);
        foreach (var violation in plan.Violations)
        {
            problems.Add(new RegistrationProblem(option.Value, violation.Attendee.Email, violation.Message));
        }

        var requests = plan.Tickets.Select((t, i) => new TicketRequest
        {
            Email = t.Attendee.Email,
            FirstName = t.Attendee.FirstName,
            LastName = t.Attendee.LastName,
            TicketTypeId = ticketTypeId,
            SessionIds = t.SessionIds,
            // A stable id per planned ticket lets the registrar find tickets a dropped connection may have created.
            ExternalTicketId = $"{eventId}-{option.Value}-{t.AttendeeIndex}-{i}",
        }).ToList();

        var registrar = new TicketRegistrar<TicketRequest, CreatedTicket, TicketCreationError>(
            createBatch: async (batch, ct) =>
            {
                var response = await zoom.Tickets.CreateTicketsAsync(eventId, new CreateTicketsRequest { Tickets = batch }, cancellationToken: ct);
                return new TicketBatchResponse<CreatedTicket, TicketCreationError>(response.Tickets, response.Errors);
            },
            getExternalTicketId: r => r.ExternalTicketId,
            findByExternalTicketId: async (externalId, ct) =>
            {
                var found = await zoom.Tickets.GetTicketsAsync(eventId, externalTicketId: externalId, cancellationToken: ct);
                var ticket = found.Tickets?.FirstOrDefault(t => t.ExternalTicketId == externalId);
                return ticket is null ? null : new CreatedTicket { TicketId = ticket.TicketId, ExternalTicketId = ticket.ExternalTicketId, Email = ticket.Email };
            });

        var result = await registrar.RegisterAsync(requests, cancellationToken);
        foreach (var created in result.Tickets)
        {
            var request = requests.FirstOrDefault(r => r.ExternalTicketId == created.ExternalTicketId);
            tickets.Add(new TicketRow(option.Value, created.TicketId ?? "", created.Email ?? request?.Email ?? "", request?.SessionIds ?? []));
        }

        foreach (var rejected in result.Errors)
        {
            problems.Add(new RegistrationProblem(option.Value, rejected.Email ?? "", $"{rejected.ErrorCode}: {rejected.Message}"));
        }

        foreach (var failure in result.Failures)
        {
            problems.Add(new RegistrationProblem(option.Value, failure.Request.Email, failure.Reason));
        }

        Step($"{option.Value}: {result.Tickets.Count} ticket(s), {result.Errors.Count + result.Failures.Count + plan.Violations.Count} problem(s)");
    }

    private void Step(string message) => progress.WriteLine($"  · {message}");

    private sealed record Attendee(string Email, string FirstName, string LastName, IReadOnlyList<string> SessionIds);
}
