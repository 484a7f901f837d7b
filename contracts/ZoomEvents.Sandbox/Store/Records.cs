using ZoomEvents.Runtime.Recurrence;

namespace ZoomEvents.Sandbox.Store;

// Mutable state objects. They are only read or changed while holding SandboxStore's lock; responses are rendered
// to JSON inside the lock so no handler ever serialises an object another request is changing.

internal sealed record HubRecord(string Id, string Name, string Description, string AccessLevel);

internal sealed record CalendarEntry(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A recurrence as the caller gave it (kept for echoing) plus conversion to the runtime's rule.</summary>
internal sealed class RecurrenceSpec
{
    public int? Type { get; set; }

    public int? RepeatInterval { get; set; }

    public List<int>? WeeklyDays { get; set; }

    public List<int>? MonthlyDays { get; set; }

    public int? MonthlyWeek { get; set; }

    public int? MonthlyWeekDay { get; set; }

    public int? EndTimes { get; set; }

    public DateTimeOffset? EndDateTime { get; set; }

    public int? Duration { get; set; }

    public RecurrenceSpec Clone()
    {
        var copy = (RecurrenceSpec)MemberwiseClone();
        copy.WeeklyDays = WeeklyDays?.ToList();
        copy.MonthlyDays = MonthlyDays?.ToList();
        return copy;
    }

    // PATCH semantics: given fields replace stored ones; setting one side of an either/or pair clears the other.
    public RecurrenceSpec Overlay(RecurrenceSpec patch)
    {
        var merged = Clone();
        merged.Type = patch.Type ?? Type;
        merged.RepeatInterval = patch.RepeatInterval ?? RepeatInterval;
        merged.WeeklyDays = patch.WeeklyDays ?? WeeklyDays;
        merged.Duration = patch.Duration ?? Duration;
        if (patch.EndTimes is not null || patch.EndDateTime is not null)
        {
            merged.EndTimes = patch.EndTimes;
            merged.EndDateTime = patch.EndDateTime;
        }

        if (patch.MonthlyDays is not null)
        {
            (merged.MonthlyDays, merged.MonthlyWeek, merged.MonthlyWeekDay) = (patch.MonthlyDays, null, null);
        }
        else if (patch.MonthlyWeek is not null || patch.MonthlyWeekDay is not null)
        {
            merged.MonthlyDays = null;
            merged.MonthlyWeek = patch.MonthlyWeek ?? MonthlyWeek;
            merged.MonthlyWeekDay = patch.MonthlyWeekDay ?? MonthlyWeekDay;
        }

        return merged;
    }

    /// <summary>
    /// Clears the day fields another recurrence type uses (weekly_days unless weekly, monthly_* unless monthly). The
    /// schedule ignores them anyway; without this a monthly event patched to daily kept echoing monthly_week. Runs on
    /// every spec before it is stored, so on a stored one it changes nothing.
    /// </summary>
    public void DropFieldsOfOtherTypes()
    {
        if (Type != 2)
        {
            WeeklyDays = null;
        }

        if (Type != 3)
        {
            (MonthlyDays, MonthlyWeek, MonthlyWeekDay) = (null, null, null);
        }
    }

    public RecurrenceRule ToRule(int? fallbackDurationMinutes) => new()
    {
        Type = (RecurrenceFrequency)(Type ?? 0),
        RepeatInterval = RepeatInterval,
        WeeklyDays = WeeklyDays,
        MonthlyDays = MonthlyDays,
        MonthlyWeek = MonthlyWeek,
        MonthlyWeekDay = MonthlyWeekDay,
        EndTimes = EndTimes,
        EndDateTimeUtc = EndDateTime,
        DurationMinutes = Duration ?? fallbackDurationMinutes,
    };
}

internal sealed class EventRecord
{
    public required string Id { get; init; }

    public long Sequence { get; set; }

    public required string HubId { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public required string Timezone { get; set; }

    public required string EventType { get; init; }

    public required string AccessLevel { get; set; }

    public required string AttendanceType { get; set; }

    public string? MeetingType { get; set; }

    public string Status { get; set; } = EventStatus.Draft;

    public List<CalendarEntry> Calendar { get; set; } = [];

    public RecurrenceSpec? Recurrence { get; set; }

    public List<string>? Categories { get; set; }

    public List<string>? Tags { get; set; }

    public List<string>? BlockedCountries { get; set; }

    public string? ContactName { get; set; }

    public string? Tagline { get; set; }

    public DateTimeOffset? LobbyStart { get; set; }

    public DateTimeOffset? LobbyEnd { get; set; }

    public List<SessionRecord> Sessions { get; set; } = [];

    public required TicketTypeRecord TicketType { get; init; }

    public List<AccessLinkRecord> Links { get; private set; } = [];

    public List<TicketRecord> Tickets { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsRecurring => EventType == EventTypes.Recurring;

    /// <summary>
    /// A copy that shares nothing mutable with this event (tickets, sessions, calendar entries and the ticket type are
    /// never changed in place, so the copy may share those objects but not the lists holding them).
    /// </summary>
    public EventRecord Clone()
    {
        var copy = (EventRecord)MemberwiseClone();
        copy.Calendar = [.. Calendar];
        copy.Recurrence = Recurrence?.Clone();
        copy.Categories = Categories?.ToList();
        copy.Tags = Tags?.ToList();
        copy.BlockedCountries = BlockedCountries?.ToList();
        copy.Sessions = [.. Sessions];
        copy.Links = [.. Links.Select(l => l.Clone())];
        copy.Tickets = [.. Tickets];
        return copy;
    }

    public DateTimeOffset? EndsAt => Sessions.Count > 0 ? Sessions.Max(s => s.End) : null;
}

internal sealed record SessionRecord(string Id, string Name, DateTimeOffset Start, DateTimeOffset End, long RoomNumber);

internal sealed record TicketTypeRecord(string Id, string Name, int Quantity);

internal sealed class AccessLinkRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Type { get; init; }

    public required string AuthenticationMethod { get; set; }

    public bool IsDefault { get; set; }

    public string? IdpName { get; set; }

    public List<string>? AllowDomainList { get; set; }

    public List<string>? EmailRestrictList { get; set; }

    public bool? EmailAuthentication { get; set; }

    public bool? SecurityCodeVerification { get; set; }

    public string? TicketTypeId { get; set; }

    public string? RecurringRegistrationOption { get; set; }

    public AccessLinkRecord Clone()
    {
        var copy = (AccessLinkRecord)MemberwiseClone();
        copy.AllowDomainList = AllowDomainList?.ToList();
        copy.EmailRestrictList = EmailRestrictList?.ToList();
        return copy;
    }
}

internal sealed class TicketRecord
{
    public required string Id { get; init; }

    public required string TicketTypeId { get; init; }

    public required string Email { get; init; }

    public string? ExternalTicketId { get; init; }

    public string? RegistrationSource { get; init; }

    public bool? FastJoin { get; init; }

    public bool? RegistrationNeeded { get; init; }

    public bool? SendNotification { get; init; }

    /// <summary>Standard registration answers by wire name (first_name, city, …).</summary>
    public Dictionary<string, string> Answers { get; init; } = [];

    public List<(string Title, string Answer)> CustomQuestions { get; init; } = [];

    /// <summary>Sessions the ticket admits to; empty means every session (an all_sessions registration).</summary>
    public List<string> SessionIds { get; init; } = [];
}

internal static class EventStatus
{
    public const string Draft = "DRAFT";
    public const string Published = "PUBLISHED";
    public const string Cancelled = "CANCELLED";
}

internal static class EventTypes
{
    public const string Simple = "SIMPLE_EVENT";
    public const string Conference = "CONFERENCE";
    public const string Recurring = "RECURRING";
}

internal static class RegistrationOptions
{
    public const string AllSessions = "all_sessions";
    public const string SingleSession = "single_session";
    public const string MultipleSessions = "multiple_sessions";
}
