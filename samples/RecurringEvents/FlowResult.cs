namespace RecurringEvents;

/// <summary>What one run of the tutorial flow produced; rendered as tables or as one JSON document.</summary>
internal sealed record FlowResult(
    string EventId,
    string HubId,
    string Status,
    string TimeZone,
    IReadOnlyList<SessionRow> Sessions,
    IReadOnlyList<LinkRow> Links,
    IReadOnlyList<TicketRow> Tickets,
    IReadOnlyList<RegistrationProblem> Problems);

internal sealed record SessionRow(string SessionId, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>An access link, keyed by the wire value of its <c>recurring_registration_option</c>.</summary>
internal sealed record LinkRow(string Option, string AccessLinkId, string Name);

internal sealed record TicketRow(string Option, string TicketId, string Email, IReadOnlyList<string> SessionIds);

/// <summary>An attendee the flow could not register, reported on its own so the others still count.</summary>
internal sealed record RegistrationProblem(string Option, string Email, string Reason);
