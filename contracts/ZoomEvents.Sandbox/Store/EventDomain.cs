using System.Collections.Frozen;
using ZoomEvents.Runtime.Recurrence;
using ZoomEvents.Sandbox.Infrastructure;

namespace ZoomEvents.Sandbox.Store;

/// <summary>Event fields as parsed from a create or update request (or built by a provider state); null = not given.</summary>
internal sealed class EventInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Timezone { get; set; }

    public string? EventType { get; set; }

    public string? AccessLevel { get; set; }

    public string? AttendanceType { get; set; }

    public string? MeetingType { get; set; }

    public string? HubId { get; set; }

    public List<CalendarEntry>? Calendar { get; set; }

    public RecurrenceSpec? Recurrence { get; set; }

    public List<string>? Categories { get; set; }

    public List<string>? Tags { get; set; }

    public List<string>? BlockedCountries { get; set; }

    public string? ContactName { get; set; }

    public string? Tagline { get; set; }

    public DateTimeOffset? LobbyStart { get; set; }

    public DateTimeOffset? LobbyEnd { get; set; }
}

/// <summary>Event lifecycle rules; every method runs inside the store lock.</summary>
internal static class EventDomain
{
    public const int MaxCalendarDays = 6;

    public static EventRecord Get(StoreData data, string eventId) =>
        data.Events.TryGetValue(eventId, out var found) ? found : throw ZoomProblem.EventNotFound();

    public static EventRecord Create(StoreData data, EventInput input, string? eventId = null, string? ticketTypeId = null, IReadOnlyList<string>? sessionIds = null)
    {
        if (input.HubId is null || !data.Hubs.ContainsKey(input.HubId))
        {
            throw ZoomProblem.Validation("hub_id", "No hub with this id exists; list hubs with GET /zoom_events/hubs?role_type=host.");
        }

        var id = eventId ?? SandboxIds.New();
        var timezone = RequireZoneId(input.Timezone);
        var record = new EventRecord
        {
            Id = id,
            HubId = input.HubId,
            Name = input.Name!,
            Description = input.Description!,
            Timezone = timezone,
            EventType = input.EventType!,
            AccessLevel = input.AccessLevel!,
            AttendanceType = input.AttendanceType!,
            TicketType = new TicketTypeRecord(ticketTypeId ?? SandboxIds.Derive($"{id}/ticket-type/default"), "General admission", 10_000),
            CreatedAt = data.Now,
        };

        ApplySchedule(record, input.Calendar, input.Recurrence, timezone, sessionIds, changedFields: []);
        ApplyDetails(record, input);
        record.Sequence = ++data.NextSequence;
        data.Events[id] = record;
        return record;
    }

    public static void Update(EventRecord record, EventInput patch)
    {
        RequireEditable(record);
        var timezone = patch.Timezone is null ? null : RequireZoneId(patch.Timezone);
        if (patch.Calendar is not null || patch.Recurrence is not null || timezone is not null)
        {
            var recurrence = patch.Recurrence is null ? record.Recurrence : record.Recurrence?.Overlay(patch.Recurrence) ?? patch.Recurrence;
            var changed = new List<string>();
            AddIf(changed, "recurrence", patch.Recurrence is not null);
            AddIf(changed, "calendar", patch.Calendar is not null);
            AddIf(changed, "timezone", timezone is not null);
            ApplySchedule(record, patch.Calendar ?? record.Calendar, recurrence, timezone ?? record.Timezone, fixedSessionIds: null, changed);
            record.Timezone = timezone ?? record.Timezone;
        }

        record.Name = patch.Name ?? record.Name;
        record.Description = patch.Description ?? record.Description;
        record.AccessLevel = patch.AccessLevel ?? record.AccessLevel;
        record.AttendanceType = patch.AttendanceType ?? record.AttendanceType;
        ApplyDetails(record, patch);
    }

    public static void Publish(EventRecord record)
    {
        RequireEditable(record);
        record.Status = EventStatus.Published;
    }

    public static void Cancel(EventRecord record, string? cancelMessage)
    {
        RequireEditable(record);
        if (record.Tickets.Count > 0 && string.IsNullOrWhiteSpace(cancelMessage))
        {
            throw ZoomProblem.Validation("cancel_message", "cancel_message is required when the event has registrants.");
        }

        record.Status = EventStatus.Cancelled;
    }

    public static EventRecord Duplicate(StoreData data, EventRecord source, string? name, DateTimeOffset? startTime, string? timezone)
    {
        var shift = startTime is { } start && source.Calendar.Count > 0 ? start - source.Calendar[0].Start : TimeSpan.Zero;
        var input = new EventInput
        {
            Name = name ?? source.Name,
            Description = source.Description,
            Timezone = timezone ?? source.Timezone,
            EventType = source.EventType,
            AccessLevel = source.AccessLevel,
            AttendanceType = source.AttendanceType,
            MeetingType = source.MeetingType,
            HubId = source.HubId,
            Calendar = source.Calendar.Select(c => new CalendarEntry(c.Start + shift, c.End + shift)).ToList(),
            Recurrence = Shifted(source.Recurrence, shift),
            Categories = source.Categories?.ToList(),
            Tags = source.Tags?.ToList(),
            BlockedCountries = source.BlockedCountries?.ToList(),
            ContactName = source.ContactName,
            Tagline = source.Tagline,
            LobbyStart = source.LobbyStart + shift,
            LobbyEnd = source.LobbyEnd + shift,
        };
        try
        {
            return Create(data, input);
        }
        catch (ZoomProblem problem) when (problem.Errors is { Count: > 0 } errors)
        {
            // The copy's rules are createEvent's, but the caller only sent duplicate_event: name what they sent.
            throw ZoomProblem.Validation([.. errors.Select(e => e with { Field = DuplicateField(e.Field, startTime is not null, timezone is not null) })]);
        }
    }

    // A series that ends on a date moves with its start; otherwise a copy moved past the old end would have no sessions.
    private static RecurrenceSpec? Shifted(RecurrenceSpec? recurrence, TimeSpan shift)
    {
        var copy = recurrence?.Clone();
        if (copy?.EndDateTime is { } end)
        {
            copy.EndDateTime = end + shift;
        }

        return copy;
    }

    private static string DuplicateField(string field, bool startGiven, bool zoneGiven) => field switch
    {
        "timezone" when zoneGiven => "duplicate_event.timezone",
        _ when startGiven && (field.StartsWith("calendar", StringComparison.Ordinal) || field.StartsWith("recurrence", StringComparison.Ordinal)) => "duplicate_event.start_time",
        _ => field,
    };

    private static void RequireEditable(EventRecord record)
    {
        if (record.Status == EventStatus.Cancelled)
        {
            throw new ZoomProblem(400, 260210, "A cancelled event can't be changed.");
        }
    }

    // Zoom's zone list is mostly IANA ids (legacy aliases included, which ZoomTimeZones maps for machines that lack
    // them), but it also has ids no time-zone database holds. Zoom accepts those, so the sandbox must too; they matter
    // only when a recurrence is expanded on the local calendar, where RecurrenceSchedule.Expand refuses them.
    private static readonly FrozenSet<string> ZoomOnlyZoneIds = new[] { "SST" }.ToFrozenSet(StringComparer.Ordinal);

    // The trimmed id is stored as given (not canonicalised), so an event reads back with the zone the caller chose.
    private static string RequireZoneId(string? timezone)
    {
        if (string.IsNullOrWhiteSpace(timezone))
        {
            throw ZoomProblem.Validation("timezone", "timezone must be a Zoom time-zone id such as America/Indianapolis.");
        }

        var id = timezone.Trim();
        if (ZoomOnlyZoneIds.Contains(id) || ZoomTimeZones.TryResolve(id, out _))
        {
            return id;
        }

        throw ZoomProblem.Validation("timezone",
            "timezone is not a time-zone id Zoom knows; use an IANA id such as America/Indianapolis (or one of Zoom's own, such as SST).");
    }

    private static void AddIf(List<string> fields, string field, bool given)
    {
        if (given)
        {
            fields.Add(field);
        }
    }

    private static void ApplyDetails(EventRecord record, EventInput input)
    {
        record.MeetingType = input.MeetingType ?? record.MeetingType;
        record.Categories = input.Categories ?? record.Categories;
        record.Tags = input.Tags ?? record.Tags;
        record.BlockedCountries = input.BlockedCountries ?? record.BlockedCountries;
        record.ContactName = input.ContactName ?? record.ContactName;
        record.Tagline = input.Tagline ?? record.Tagline;
        record.LobbyStart = input.LobbyStart ?? record.LobbyStart;
        record.LobbyEnd = input.LobbyEnd ?? record.LobbyEnd;
    }

    // Validates calendar + recurrence together and recomputes the sessions. Sessions whose start time survives a change
    // keep their id, so tickets that point at them stay valid.
    private static void ApplySchedule(
        EventRecord record, List<CalendarEntry>? calendar, RecurrenceSpec? recurrence, string timezone, IReadOnlyList<string>? fixedSessionIds,
        IReadOnlyList<string> changedFields)
    {
        if (calendar is null || calendar.Count == 0)
        {
            throw ZoomProblem.Validation("calendar", "calendar needs at least one entry with start_time and end_time.");
        }

        if (calendar.Count > MaxCalendarDays)
        {
            throw new ZoomProblem(400, 26202, $"An event can have at most {MaxCalendarDays} days.");
        }

        if (calendar.Any(c => c.End < c.Start))
        {
            throw new ZoomProblem(400, 26203, "A calendar entry's end_time is before its start_time.");
        }

        // Session ids are derived from start times, so two entries starting together would share one id.
        if (calendar.DistinctBy(c => c.Start).Count() != calendar.Count)
        {
            throw ZoomProblem.Validation("calendar", "Two calendar entries start at the same time; give each day of the event once.");
        }

        List<(DateTimeOffset Start, DateTimeOffset End)> slots;
        if (record.IsRecurring)
        {
            if (recurrence is null)
            {
                throw ZoomProblem.Validation("recurrence", "recurrence is required for RECURRING events.");
            }

            if (recurrence.Type is null)
            {
                throw ZoomProblem.Validation("recurrence.type", "type is required: 1 (daily), 2 (weekly) or 3 (monthly).");
            }

            if (calendar.Count != 1)
            {
                throw ZoomProblem.Validation("calendar", "A RECURRING event has exactly one calendar entry: its first occurrence.");
            }

            recurrence.DropFieldsOfOtherTypes();
            var first = calendar[0];
            var fallbackMinutes = (int)Math.Ceiling((first.End - first.Start).TotalMinutes);
            try
            {
                slots = RecurrenceSchedule.Expand(recurrence.ToRule(fallbackMinutes > 0 ? fallbackMinutes : null), first.Start, timezone)
                    .Select(o => (o.StartUtc, o.EndUtc)).ToList();
            }
            catch (RecurrenceValidationException ex)
            {
                throw ZoomProblem.Validation(ex.Field == "timezone" ? "timezone" : $"recurrence.{ex.Field}", ex.Reason);
            }
        }
        else
        {
            if (recurrence is not null)
            {
                throw ZoomProblem.Validation("recurrence", "Only RECURRING events take a recurrence.");
            }

            slots = calendar.OrderBy(c => c.Start).Select(c => (c.Start, c.End)).ToList();
        }

        // TryAdd: provider states may have given two sessions the same start; the first one keeps its id.
        var previousIds = new Dictionary<DateTimeOffset, string>();
        foreach (var session in record.Sessions)
        {
            previousIds.TryAdd(session.Start, session.Id);
        }

        var sessions = new List<SessionRecord>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            var (start, end) = slots[i];
            var id = fixedSessionIds is not null && i < fixedSessionIds.Count
                ? fixedSessionIds[i]
                : previousIds.GetValueOrDefault(start) ?? SandboxIds.Derive($"{record.Id}/session/{start.UtcTicks}");
            var name = slots.Count == 1 || record.IsRecurring ? record.Name : $"{record.Name} – day {i + 1}";
            sessions.Add(new SessionRecord(id, name, start, end, SandboxIds.DeriveNumber(id, 80_000_000_000, 9_999_999_999)));
        }

        RequireTicketedSessionsSurvive(record, sessions, changedFields);
        record.Calendar = calendar;
        record.Recurrence = recurrence;
        record.Sessions = sessions;
    }

    // A ticket that names sessions would point at nothing once they are gone (all_sessions tickets name none and simply
    // follow the new schedule). Refusing keeps every stored ticket valid; the caller can delete those tickets first.
    private static void RequireTicketedSessionsSurvive(EventRecord record, List<SessionRecord> sessions, IReadOnlyList<string> changedFields)
    {
        var kept = sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var orphaned = record.Tickets
            .Where(t => t.SessionIds.Any(id => !kept.Contains(id)))
            .ToList();
        if (orphaned.Count == 0)
        {
            return;
        }

        var lost = orphaned.SelectMany(t => t.SessionIds).Where(id => !kept.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        var message = $"This schedule change would remove session(s) {string.Join(", ", lost)}, which {orphaned.Count} ticket(s) register for; " +
            "delete those tickets first or keep those occurrences.";
        throw ZoomProblem.Validation([.. (changedFields.Count > 0 ? changedFields : ["calendar"]).Select(f => new FieldError(f, message))]);
    }
}
