using System.Globalization;
using Xunit;
using ZoomEvents.Runtime.Recurrence;

namespace ZoomEvents.Runtime.Tests.Recurrence;

public sealed class RecurrenceScheduleTests
{
    private static DateTimeOffset Utc(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string[] Starts(IReadOnlyList<Occurrence> occurrences) =>
        occurrences.Select(o => o.StartUtc.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture)).ToArray();

    private static readonly RecurrenceRule FirstWednesdayMonthly = new()
    {
        Type = RecurrenceFrequency.Monthly,
        RepeatInterval = 1,
        MonthlyWeek = 1,
        MonthlyWeekDay = 4,
        EndTimes = 7,
        DurationMinutes = 15,
    };

    private static readonly string[] TutorialStarts =
    [
        "2026-01-07T13:00Z", "2026-02-04T13:00Z", "2026-03-04T13:00Z", "2026-04-01T12:00Z",
        "2026-05-06T12:00Z", "2026-06-03T12:00Z", "2026-07-01T12:00Z",
    ];

    [Fact]
    public void Tutorial_recurrence_keeps_8am_Indianapolis_across_daylight_saving()
    {
        var occurrences = RecurrenceSchedule.Expand(FirstWednesdayMonthly, Utc("2026-01-07T13:00:00Z"), "America/Indianapolis");

        Assert.Equal(TutorialStarts, Starts(occurrences));
        Assert.All(occurrences, o =>
        {
            Assert.Equal(TimeSpan.FromMinutes(15), o.EndUtc - o.StartUtc);
            Assert.Equal(TimeSpan.Zero, o.StartUtc.Offset);
            Assert.Equal(TimeSpan.Zero, o.EndUtc.Offset);
        });
    }

    [Fact]
    public void Start_that_does_not_match_the_pattern_begins_at_the_next_matching_date()
    {
        // The tutorial's own calendar start is a Friday (2025-12-12); December's first Wednesday is before it.
        var occurrences = RecurrenceSchedule.Expand(FirstWednesdayMonthly, Utc("2025-12-12T13:00:00Z"), "America/Indianapolis");

        Assert.Equal(TutorialStarts, Starts(occurrences));
    }

    [Fact]
    public void Daily_with_interval_steps_that_many_days()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, RepeatInterval = 2, EndTimes = 4, DurationMinutes = 30 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-03-01T15:00:00Z"), "UTC");

        Assert.Equal(["2026-03-01T15:00Z", "2026-03-03T15:00Z", "2026-03-05T15:00Z", "2026-03-07T15:00Z"], Starts(occurrences));
        Assert.Equal(Utc("2026-03-07T15:30:00Z"), occurrences[^1].EndUtc);
    }

    [Fact]
    public void Daily_keeps_local_time_when_daylight_saving_starts()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, EndTimes = 3, DurationMinutes = 60 };

        // 09:00 in New York; DST begins on Sunday 2026-03-08.
        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-03-06T14:00:00Z"), "America/New_York");

        Assert.Equal(["2026-03-06T14:00Z", "2026-03-07T14:00Z", "2026-03-08T13:00Z"], Starts(occurrences));
    }

    [Fact]
    public void Weekly_on_several_days_with_interval_skips_weeks_and_dates_before_the_start()
    {
        // Monday (2) and Friday (6) every other week, starting Wednesday 2026-01-07: that week's Monday is already past.
        var rule = new RecurrenceRule
        {
            Type = RecurrenceFrequency.Weekly, RepeatInterval = 2, WeeklyDays = [6, 2], EndTimes = 5, DurationMinutes = 45,
        };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-01-07T16:00:00Z"), "UTC");

        Assert.Equal(
            ["2026-01-09T16:00Z", "2026-01-19T16:00Z", "2026-01-23T16:00Z", "2026-02-02T16:00Z", "2026-02-06T16:00Z"],
            Starts(occurrences));
    }

    [Fact]
    public void Weekly_without_days_repeats_on_the_start_weekday()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Weekly, EndTimes = 3, DurationMinutes = 15 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-01-20T10:00:00Z"), "UTC");

        Assert.Equal(["2026-01-20T10:00Z", "2026-01-27T10:00Z", "2026-02-03T10:00Z"], Starts(occurrences));
    }

    [Fact]
    public void Monthly_last_weekday_uses_the_last_such_day_of_each_month()
    {
        var rule = new RecurrenceRule
        {
            Type = RecurrenceFrequency.Monthly, MonthlyWeek = -1, MonthlyWeekDay = 6, EndTimes = 4, DurationMinutes = 60,
        };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-01-01T10:00:00Z"), "UTC");

        Assert.Equal(["2026-01-30T10:00Z", "2026-02-27T10:00Z", "2026-03-27T10:00Z", "2026-04-24T10:00Z"], Starts(occurrences));
    }

    [Fact]
    public void Monthly_day_31_skips_months_without_a_31st()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Monthly, MonthlyDays = [31], EndTimes = 4, DurationMinutes = 30 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-01-31T09:00:00Z"), "UTC");

        Assert.Equal(["2026-01-31T09:00Z", "2026-03-31T09:00Z", "2026-05-31T09:00Z", "2026-07-31T09:00Z"], Starts(occurrences));
    }

    [Fact]
    public void Monthly_by_day_with_interval_and_several_days_starts_on_or_after_the_start_date()
    {
        var rule = new RecurrenceRule
        {
            Type = RecurrenceFrequency.Monthly, RepeatInterval = 3, MonthlyDays = [25, 10], EndTimes = 4, DurationMinutes = 30,
        };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-01-20T09:00:00Z"), "UTC");

        Assert.Equal(["2026-01-25T09:00Z", "2026-04-10T09:00Z", "2026-04-25T09:00Z", "2026-07-10T09:00Z"], Starts(occurrences));
    }

    [Fact]
    public void Monthly_without_days_or_week_repeats_on_the_start_day_of_month()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Monthly, EndTimes = 3, DurationMinutes = 30 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-01-15T09:00:00Z"), "UTC");

        Assert.Equal(["2026-01-15T09:00Z", "2026-02-15T09:00Z", "2026-03-15T09:00Z"], Starts(occurrences));
    }

    [Theory]
    [InlineData("2026-05-04T12:00:00Z", 4)]
    [InlineData("2026-05-04T11:59:59Z", 3)]
    public void End_date_time_is_inclusive(string endDateTime, int expectedCount)
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, EndDateTimeUtc = Utc(endDateTime), DurationMinutes = 10 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-05-01T12:00:00Z"), "UTC");

        Assert.Equal(expectedCount, occurrences.Count);
        Assert.True(occurrences[^1].StartUtc <= Utc(endDateTime));
    }

    [Fact]
    public void End_date_time_series_is_capped_at_the_maximum()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, EndDateTimeUtc = Utc("2030-01-01T00:00:00Z"), DurationMinutes = 10 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-05-01T12:00:00Z"), "UTC");

        Assert.Equal(RecurrenceSchedule.MaxOccurrences, occurrences.Count);
        Assert.Equal(Utc("2026-06-29T12:00:00Z"), occurrences[^1].StartUtc);
    }

    [Fact]
    public void Local_time_skipped_by_spring_forward_moves_later_by_the_gap()
    {
        // 02:30 New York on 2026-03-08 does not exist: it is read with the EST offset, i.e. 03:30 EDT = 07:30Z.
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, EndTimes = 3, DurationMinutes = 30 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-03-07T07:30:00Z"), "America/New_York");

        Assert.Equal(["2026-03-07T07:30Z", "2026-03-08T07:30Z", "2026-03-09T06:30Z"], Starts(occurrences));
    }

    [Fact]
    public void Local_time_repeated_by_fall_back_takes_the_first_instant()
    {
        // 01:30 New York on 2026-11-01 happens twice; the first (EDT, 05:30Z) is used.
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, EndTimes = 3, DurationMinutes = 30 };

        var occurrences = RecurrenceSchedule.Expand(rule, Utc("2026-10-31T05:30:00Z"), "America/New_York");

        Assert.Equal(["2026-10-31T05:30Z", "2026-11-01T05:30Z", "2026-11-02T06:30Z"], Starts(occurrences));
    }

    [Fact]
    public void Start_given_with_an_offset_is_treated_as_the_same_instant()
    {
        var rule = new RecurrenceRule { Type = RecurrenceFrequency.Daily, EndTimes = 1, DurationMinutes = 15 };

        var occurrences = RecurrenceSchedule.Expand(rule, new DateTimeOffset(2026, 1, 7, 8, 0, 0, TimeSpan.FromHours(-5)), "America/Indianapolis");

        Assert.Equal(["2026-01-07T13:00Z"], Starts(occurrences));
        Assert.Equal(TimeSpan.Zero, occurrences[0].StartUtc.Offset);
    }
}
