namespace ZoomEvents.Runtime.Recurrence;

/// <summary>How often a recurring Zoom event repeats (Zoom's <c>recurrence.type</c>: 1 daily, 2 weekly, 3 monthly).</summary>
/// <remarks>
/// Named <c>RecurrenceFrequency</c> rather than <c>RecurrenceType</c> so it never collides with the generated
/// <c>RecurrenceType</c> enum when a consumer imports both namespaces; the numeric values are identical, so
/// <c>(RecurrenceFrequency)(int)generated.Type</c> converts.
/// </remarks>
public enum RecurrenceFrequency
{
    /// <summary>Every <see cref="RecurrenceRule.RepeatInterval"/> days.</summary>
    Daily = 1,

    /// <summary>Every <see cref="RecurrenceRule.RepeatInterval"/> weeks on <see cref="RecurrenceRule.WeeklyDays"/>.</summary>
    Weekly = 2,

    /// <summary>Every <see cref="RecurrenceRule.RepeatInterval"/> months, by day of month or by week and weekday.</summary>
    Monthly = 3,
}

/// <summary>
/// A Zoom recurrence (the <c>recurrence</c> object of an event) in wire units, independent of any generated model so the
/// sandbox and the runtime can share one schedule calculator.
/// </summary>
/// <remarks>
/// Numbers use Zoom's conventions: weekdays are 1 = Sunday … 7 = Saturday, <see cref="MonthlyWeek"/> is -1 (last) or 1..4.
/// Exactly one of <see cref="EndTimes"/> and <see cref="EndDateTimeUtc"/> must be set.
/// </remarks>
public sealed record RecurrenceRule
{
    /// <summary>Zoom's <c>type</c>: daily, weekly or monthly.</summary>
    public required RecurrenceFrequency Type { get; init; }

    /// <summary>Zoom's <c>repeat_interval</c>; 1 when absent. At most 90 (days), 12 (weeks) or 3 (months).</summary>
    public int? RepeatInterval { get; init; }

    /// <summary>Zoom's <c>weekly_days</c> (1 = Sunday … 7 = Saturday). When empty, the start date's weekday is used.</summary>
    public IReadOnlyList<int>? WeeklyDays { get; init; }

    /// <summary>Zoom's <c>monthly_days</c> (1..31). Days a month does not have are skipped, never moved.</summary>
    public IReadOnlyList<int>? MonthlyDays { get; init; }

    /// <summary>Zoom's <c>monthly_week</c>: -1 for the last week, 1..4 for the first to fourth.</summary>
    public int? MonthlyWeek { get; init; }

    /// <summary>Zoom's <c>monthly_week_day</c> (1 = Sunday … 7 = Saturday), used with <see cref="MonthlyWeek"/>.</summary>
    public int? MonthlyWeekDay { get; init; }

    /// <summary>Zoom's <c>end_times</c>: how many occurrences (1..<see cref="RecurrenceSchedule.MaxOccurrences"/>).</summary>
    public int? EndTimes { get; init; }

    /// <summary>Zoom's <c>end_date_time</c>: the last moment an occurrence may start (inclusive), in UTC.</summary>
    public DateTimeOffset? EndDateTimeUtc { get; init; }

    /// <summary>Zoom's <c>duration</c>: the length of each occurrence in minutes.</summary>
    public int? DurationMinutes { get; init; }
}

/// <summary>One session of a recurring event, as UTC instants.</summary>
/// <param name="StartUtc">When the occurrence starts (offset zero).</param>
/// <param name="EndUtc">When the occurrence ends (offset zero).</param>
public readonly record struct Occurrence(DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>A recurrence Zoom would reject, naming the offending field by its wire name (for example <c>repeat_interval</c>).</summary>
public sealed class RecurrenceValidationException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    /// <param name="field">The wire name of the invalid field, such as <c>monthly_week</c> or <c>timezone</c>.</param>
    /// <param name="message">What is wrong and what is accepted.</param>
    public RecurrenceValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Reason = message;
    }

    /// <summary>The wire name of the invalid field.</summary>
    public string Field { get; }

    /// <summary>The explanation without the field prefix (suitable for a Zoom field error's <c>message</c>).</summary>
    public string Reason { get; }
}
