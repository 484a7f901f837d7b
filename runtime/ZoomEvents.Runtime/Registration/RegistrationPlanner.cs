namespace ZoomEvents.Runtime.Registration;

/// <summary>
/// How an access link of a recurring event registers attendees (Zoom's <c>recurring_registration_option</c>).
/// Named differently from the generated <c>RecurringRegistrationOption</c> so both can be imported together.
/// </summary>
public enum RegistrationMode
{
    /// <summary><c>all_sessions</c>: one ticket covers every session; no <c>session_ids</c> are sent.</summary>
    AllSessions,

    /// <summary><c>single_session</c>: one ticket per selected session.</summary>
    SingleSession,

    /// <summary><c>multiple_sessions</c>: one ticket covering all selected sessions.</summary>
    MultipleSessions,
}

/// <summary>Conversions between <see cref="RegistrationMode"/> and Zoom's wire strings.</summary>
public static class RegistrationModes
{
    /// <summary>Parses <c>all_sessions</c>, <c>single_session</c> or <c>multiple_sessions</c> (case-insensitive).</summary>
    public static bool TryParse(string? value, out RegistrationMode mode)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "all_sessions":
                mode = RegistrationMode.AllSessions;
                return true;
            case "single_session":
                mode = RegistrationMode.SingleSession;
                return true;
            case "multiple_sessions":
                mode = RegistrationMode.MultipleSessions;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>Parses a wire value.</summary>
    /// <exception cref="ArgumentException">The value is not one of the three Zoom options.</exception>
    public static RegistrationMode Parse(string? value) =>
        TryParse(value, out var mode)
            ? mode
            : throw new ArgumentException(
                $"Unknown recurring_registration_option '{value}'; expected all_sessions, single_session or multiple_sessions.", nameof(value));

    /// <summary>The wire value for <paramref name="mode"/>.</summary>
    public static string ToWireValue(this RegistrationMode mode) => mode switch
    {
        RegistrationMode.AllSessions => "all_sessions",
        RegistrationMode.SingleSession => "single_session",
        RegistrationMode.MultipleSessions => "multiple_sessions",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a registration mode."),
    };
}

/// <summary>One ticket to request.</summary>
/// <param name="Attendee">Whose ticket it is.</param>
/// <param name="AttendeeIndex">Position of the attendee in the input (for correlating results).</param>
/// <param name="SessionIds">The <c>session_ids</c> to send, or <see langword="null"/> to omit the field (all sessions).</param>
public sealed record PlannedTicket<TAttendee>(TAttendee Attendee, int AttendeeIndex, IReadOnlyList<string>? SessionIds);

/// <summary>An attendee whose selection breaks the access link's rule; nothing is requested for them.</summary>
public sealed record RegistrationViolation<TAttendee>(TAttendee Attendee, int AttendeeIndex, string Message);

/// <summary>The tickets to request and the attendees that were rejected before any request.</summary>
public sealed record RegistrationPlan<TAttendee>(
    IReadOnlyList<PlannedTicket<TAttendee>> Tickets, IReadOnlyList<RegistrationViolation<TAttendee>> Violations)
{
    /// <summary>True when no attendee was rejected.</summary>
    public bool IsValid => Violations.Count == 0;
}

/// <summary>
/// Applies a recurring event's registration rules before anything is sent: <c>all_sessions</c> → one ticket
/// without <c>session_ids</c>; <c>single_session</c> → one ticket per selected session; <c>multiple_sessions</c>
/// → one ticket with the selected sessions. Selecting sessions for <c>all_sessions</c>, none for the other two,
/// or ids that are not sessions of the event, rejects that attendee only.
/// </summary>
public static class RegistrationPlanner
{
    /// <summary>Plans tickets for <paramref name="attendees"/>.</summary>
    /// <param name="mode">The access link's registration mode.</param>
    /// <param name="eventSessionIds">Ids of the event's sessions (from <c>getEventSessionList</c>).</param>
    /// <param name="attendees">The attendees, in order.</param>
    /// <param name="selectSessionIds">The sessions an attendee chose (null or empty = none).</param>
    /// <param name="describeAttendee">How to name an attendee in messages (e.g. by email); default "attendee #n".</param>
    public static RegistrationPlan<TAttendee> Plan<TAttendee>(
        RegistrationMode mode,
        IEnumerable<string> eventSessionIds,
        IEnumerable<TAttendee> attendees,
        Func<TAttendee, IEnumerable<string>?> selectSessionIds,
        Func<TAttendee, string>? describeAttendee = null)
    {
        ArgumentNullException.ThrowIfNull(eventSessionIds);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(selectSessionIds);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a registration mode.");
        }

        var known = new HashSet<string>(eventSessionIds.Where(static s => !string.IsNullOrEmpty(s)), StringComparer.Ordinal);
        var tickets = new List<PlannedTicket<TAttendee>>();
        var violations = new List<RegistrationViolation<TAttendee>>();
        var index = 0;
        foreach (var attendee in attendees)
        {
            var name = describeAttendee?.Invoke(attendee) ?? $"attendee #{index + 1}";
            // Order-preserving de-duplication: picking the same session twice is a UI glitch, not a second ticket.
            var selected = (selectSessionIds(attendee) ?? []).Where(static s => !string.IsNullOrWhiteSpace(s))
                .Select(static s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
            var error = Check(mode, selected, known, name);
            if (error is not null)
            {
                violations.Add(new(attendee, index, error));
            }
            else
            {
                switch (mode)
                {
                    case RegistrationMode.AllSessions:
                        tickets.Add(new(attendee, index, null));
                        break;
                    case RegistrationMode.SingleSession:
                        foreach (var session in selected)
                        {
                            tickets.Add(new(attendee, index, [session]));
                        }

                        break;
                    default:
                        tickets.Add(new(attendee, index, selected));
                        break;
                }
            }

            index++;
        }

        return new RegistrationPlan<TAttendee>(tickets, violations);
    }

    /// <summary>Plans tickets for a wire-value <paramref name="recurringRegistrationOption"/> (e.g. <c>"single_session"</c>).</summary>
    /// <exception cref="ArgumentException">The option is not one of Zoom's three values (no attendee could be planned).</exception>
    public static RegistrationPlan<TAttendee> Plan<TAttendee>(
        string recurringRegistrationOption,
        IEnumerable<string> eventSessionIds,
        IEnumerable<TAttendee> attendees,
        Func<TAttendee, IEnumerable<string>?> selectSessionIds,
        Func<TAttendee, string>? describeAttendee = null)
        => Plan(RegistrationModes.Parse(recurringRegistrationOption), eventSessionIds, attendees, selectSessionIds, describeAttendee);

    private static string? Check(RegistrationMode mode, List<string> selected, HashSet<string> known, string name)
    {
        if (mode == RegistrationMode.AllSessions)
        {
            return selected.Count == 0
                ? null
                : $"{name}: this access link registers for all sessions (all_sessions), so session ids must not be given " +
                  $"(got {string.Join(", ", selected)}).";
        }

        var wire = mode.ToWireValue();
        if (selected.Count == 0)
        {
            return $"{name}: this access link uses {wire}, so at least one session must be selected.";
        }

        var unknown = selected.Where(s => !known.Contains(s)).ToList();
        return unknown.Count == 0
            ? null
            : $"{name}: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a session" : "are not sessions")} of this event.";
    }
}
