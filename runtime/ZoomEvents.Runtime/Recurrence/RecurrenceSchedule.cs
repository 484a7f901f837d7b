namespace ZoomEvents.Runtime.Recurrence;

/// <summary>
/// Expands a Zoom recurrence into the sessions Zoom creates for it.
/// </summary>
/// <remarks>
/// <para>Rules (chosen to match what Zoom shows for the same settings, and documented because Zoom does not):</para>
/// <list type="bullet">
/// <item>Everything is computed on the calendar of the event's time zone: every occurrence starts at the local wall-clock
/// time of <c>firstStartUtc</c>, so its UTC instant shifts by an hour across daylight-saving changes.</item>
/// <item>Only dates on or after the start's local date count; the start itself is an occurrence only when it matches the
/// pattern (a Friday start with "first Wednesday monthly" begins on the next first Wednesday).</item>
/// <item>Intervals are anchored on the start: the start's day, its week (weeks run Sunday to Saturday, as Zoom's
/// weekday numbers do) or its month.</item>
/// <item><c>monthly_days</c> that a month lacks (31 in April, 29–31 in February) are skipped for that month, not moved to
/// the month's last day.</item>
/// <item>A local time that does not exist (the spring-forward gap) is read with the offset in force before the gap, so
/// 02:30 becomes 03:30 daylight time; a local time that happens twice (fall-back) takes the first, daylight-time instant.</item>
/// <item><c>end_date_time</c> is inclusive: an occurrence starting exactly then is kept.</item>
/// <item>At most <see cref="MaxOccurrences"/> occurrences are produced: <c>end_times</c> above it is rejected, and an
/// <c>end_date_time</c> series is cut off after that many (Zoom's documented cap for recurring meetings is 60; its older
/// limit of 50 is not used).</item>
/// <item>Fields that do not belong to the rule's type (for example <c>weekly_days</c> on a monthly rule) are ignored.</item>
/// </list>
/// </remarks>
public static class RecurrenceSchedule
{
    /// <summary>The most occurrences one recurrence can have.</summary>
    public const int MaxOccurrences = 60;

    /// <summary>
    /// Longest occurrence accepted, in minutes (24 hours). Zoom documents no limit; this is our rule, because a longer
    /// session would overlap the next one of a daily series and almost always means minutes were confused with seconds.
    /// </summary>
    public const int MaxDurationMinutes = 1_440;

    /// <summary>Zoom's maximum <c>repeat_interval</c> for daily recurrences (days).</summary>
    public const int MaxDailyInterval = 90;

    /// <summary>Zoom's maximum <c>repeat_interval</c> for weekly recurrences (weeks).</summary>
    public const int MaxWeeklyInterval = 12;

    /// <summary>Zoom's maximum <c>repeat_interval</c> for monthly recurrences (months).</summary>
    public const int MaxMonthlyInterval = 3;

    // Enough periods for 60 occurrences of any valid rule (a monthly day-31 rule still hits 7 months a year), while keeping
    // a malformed end_date_time from walking to year 9999.
    private const int MaxPeriods = 2_000;

    // Leaves room for MaxPeriods months (and any duration) without reaching DateTime's year 9999 limit.
    private const int MaxStartYear = 9_000;

    /// <summary>Computes the occurrences of <paramref name="rule"/> for a series whose first session starts at <paramref name="firstStartUtc"/>.</summary>
    /// <param name="rule">The recurrence in Zoom's wire units.</param>
    /// <param name="firstStartUtc">The event's first start (its calendar start); any offset is accepted and treated as that instant.</param>
    /// <param name="timeZoneId">The event's Zoom time-zone id, for example <c>America/Indianapolis</c>.</param>
    /// <returns>The occurrences in chronological order, with UTC offsets.</returns>
    /// <exception cref="RecurrenceValidationException">The rule or time zone is invalid; <see cref="RecurrenceValidationException.Field"/> names the field.</exception>
    public static IReadOnlyList<Occurrence> Expand(RecurrenceRule rule, DateTimeOffset firstStartUtc, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var zone = ZoomTimeZones.Resolve(timeZoneId);
        var interval = Validate(rule);
        if (rule.EndDateTimeUtc is { } until && until < firstStartUtc)
        {
            throw new RecurrenceValidationException("end_date_time", "The recurrence must not end before the event starts.");
        }

        if (firstStartUtc.UtcDateTime.Year > MaxStartYear)
        {
            throw new RecurrenceValidationException("start_time", $"The first occurrence must start before the year {MaxStartYear + 1}.");
        }

        var localStart = TimeZoneInfo.ConvertTime(firstStartUtc, zone).DateTime;
        var startDate = DateOnly.FromDateTime(localStart);
        var timeOfDay = TimeOnly.FromDateTime(localStart);
        var duration = TimeSpan.FromMinutes(rule.DurationMinutes!.Value);
        var limit = rule.EndTimes ?? MaxOccurrences;

        var occurrences = new List<Occurrence>(Math.Min(limit, MaxOccurrences));
        foreach (var date in CandidateDates(rule, interval, startDate))
        {
            if (date < startDate)
            {
                continue;
            }

            var start = ToUtc(date.ToDateTime(timeOfDay), zone);
            if (rule.EndDateTimeUtc is { } end && start > end)
            {
                break;
            }

            occurrences.Add(new Occurrence(start, start + duration));
            if (occurrences.Count == limit)
            {
                break;
            }
        }

        if (occurrences.Count == 0)
        {
            throw new RecurrenceValidationException("end_date_time", "No occurrence of the recurrence falls on or before end_date_time.");
        }

        return occurrences;
    }

    /// <summary>Checks a rule against Zoom's limits without expanding it.</summary>
    /// <param name="rule">The rule to check.</param>
    /// <returns>The effective repeat interval (1 when absent).</returns>
    /// <exception cref="RecurrenceValidationException">The first invalid field, by wire name.</exception>
    public static int Validate(RecurrenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var max = rule.Type switch
        {
            RecurrenceFrequency.Daily => MaxDailyInterval,
            RecurrenceFrequency.Weekly => MaxWeeklyInterval,
            RecurrenceFrequency.Monthly => MaxMonthlyInterval,
            _ => throw new RecurrenceValidationException("type", $"{(int)rule.Type} is not a recurrence type; use 1 (daily), 2 (weekly) or 3 (monthly)."),
        };

        var interval = rule.RepeatInterval ?? 1;
        if (interval < 1 || interval > max)
        {
            throw new RecurrenceValidationException("repeat_interval", $"Must be between 1 and {max} for a {rule.Type.ToString().ToLowerInvariant()} recurrence.");
        }

        if (rule.EndTimes is not null && rule.EndDateTimeUtc is not null)
        {
            throw new RecurrenceValidationException("end_times", "end_times and end_date_time cannot both be set.");
        }

        if (rule.EndTimes is null && rule.EndDateTimeUtc is null)
        {
            throw new RecurrenceValidationException("end_times", "One of end_times or end_date_time is required.");
        }

        if (rule.EndTimes is < 1 or > MaxOccurrences)
        {
            throw new RecurrenceValidationException("end_times", $"Must be between 1 and {MaxOccurrences}.");
        }

        if (rule.DurationMinutes is null or < 1 or > MaxDurationMinutes)
        {
            throw new RecurrenceValidationException("duration", $"A duration from 1 to {MaxDurationMinutes} minutes is required.");
        }

        switch (rule.Type)
        {
            case RecurrenceFrequency.Weekly:
                RequireRange(rule.WeeklyDays, 1, 7, "weekly_days", "Weekdays are 1 (Sunday) to 7 (Saturday).");
                break;
            case RecurrenceFrequency.Monthly:
                ValidateMonthly(rule);
                break;
        }

        return interval;
    }

    private static void ValidateMonthly(RecurrenceRule rule)
    {
        var byDay = rule.MonthlyDays is { Count: > 0 };
        var byWeek = rule.MonthlyWeek is not null || rule.MonthlyWeekDay is not null;
        if (byDay && byWeek)
        {
            throw new RecurrenceValidationException("monthly_days", "Use either monthly_days or monthly_week with monthly_week_day, not both.");
        }

        RequireRange(rule.MonthlyDays, 1, 31, "monthly_days", "Days of the month are 1 to 31.");
        if (!byWeek)
        {
            return;
        }

        if (rule.MonthlyWeek is not (-1 or 1 or 2 or 3 or 4))
        {
            throw new RecurrenceValidationException("monthly_week", "Must be -1 (last week) or 1 to 4.");
        }

        if (rule.MonthlyWeekDay is not (>= 1 and <= 7))
        {
            throw new RecurrenceValidationException("monthly_week_day", "Weekdays are 1 (Sunday) to 7 (Saturday).");
        }
    }

    private static void RequireRange(IReadOnlyList<int>? values, int min, int max, string field, string message)
    {
        if (values is not null && values.Any(v => v < min || v > max))
        {
            throw new RecurrenceValidationException(field, message);
        }
    }

    // Dates in ascending order; some may fall before the start date (the start's own week or month) and are filtered by the caller.
    private static IEnumerable<DateOnly> CandidateDates(RecurrenceRule rule, int interval, DateOnly startDate)
    {
        switch (rule.Type)
        {
            case RecurrenceFrequency.Daily:
                for (var period = 0; period < MaxPeriods && TryAddDays(startDate, (long)period * interval, out var day); period++)
                {
                    yield return day;
                }

                break;

            case RecurrenceFrequency.Weekly:
                var weekdays = rule.WeeklyDays is { Count: > 0 } wd
                    ? wd.Distinct().Order().ToArray()
                    : [(int)startDate.DayOfWeek + 1];
                var sunday = startDate.AddDays(-(int)startDate.DayOfWeek);
                for (var period = 0; period < MaxPeriods && TryAddDays(sunday, (long)period * interval * 7 + 6, out _); period++)
                {
                    var weekStart = sunday.AddDays(period * interval * 7);
                    foreach (var weekday in weekdays)
                    {
                        yield return weekStart.AddDays(weekday - 1);
                    }
                }

                break;

            case RecurrenceFrequency.Monthly:
                var firstOfMonth = new DateOnly(startDate.Year, startDate.Month, 1);
                for (var period = 0; period < MaxPeriods && firstOfMonth.Year + (period * interval / 12) < 9999; period++)
                {
                    var month = firstOfMonth.AddMonths(period * interval);
                    foreach (var date in MonthlyDates(rule, month, startDate))
                    {
                        yield return date;
                    }
                }

                break;
        }
    }

    private static IEnumerable<DateOnly> MonthlyDates(RecurrenceRule rule, DateOnly firstOfMonth, DateOnly startDate)
    {
        var daysInMonth = DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month);
        if (rule.MonthlyWeek is { } week && rule.MonthlyWeekDay is { } weekday)
        {
            var target = weekday - 1;
            if (week == -1)
            {
                var last = firstOfMonth.AddDays(daysInMonth - 1);
                yield return last.AddDays(-(((int)last.DayOfWeek - target + 7) % 7));
            }
            else
            {
                var first = firstOfMonth.AddDays((target - (int)firstOfMonth.DayOfWeek + 7) % 7);
                yield return first.AddDays(7 * (week - 1));
            }

            yield break;
        }

        var days = rule.MonthlyDays is { Count: > 0 } md ? md.Distinct().Order().ToArray() : [startDate.Day];
        foreach (var day in days)
        {
            if (day <= daysInMonth)
            {
                yield return firstOfMonth.AddDays(day - 1);
            }
        }
    }

    private static bool TryAddDays(DateOnly date, long days, out DateOnly result)
    {
        if (date.DayNumber + days > DateOnly.MaxValue.DayNumber - 7)
        {
            result = default;
            return false;
        }

        result = date.AddDays((int)days);
        return true;
    }

    // Local wall-clock time → UTC instant, with deliberate choices for the two DST edge cases (see the class remarks).
    internal static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }
}
