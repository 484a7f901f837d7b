using Xunit;
using ZoomEvents.Runtime.Recurrence;

namespace ZoomEvents.Runtime.Tests.Recurrence;

public sealed class RecurrenceValidationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 7, 13, 0, 0, TimeSpan.Zero);

    private static RecurrenceRule Daily(int endTimes = 3) =>
        new() { Type = RecurrenceFrequency.Daily, EndTimes = endTimes, DurationMinutes = 15 };

    public static TheoryData<RecurrenceRule, string> InvalidRules() => new()
    {
        { Daily() with { RepeatInterval = 91 }, "repeat_interval" },
        { Daily() with { RepeatInterval = 0 }, "repeat_interval" },
        { Daily() with { Type = RecurrenceFrequency.Weekly, RepeatInterval = 13 }, "repeat_interval" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, RepeatInterval = 4 }, "repeat_interval" },
        { Daily() with { Type = (RecurrenceFrequency)4 }, "type" },
        { Daily() with { EndDateTimeUtc = Start.AddDays(5) }, "end_times" },
        { Daily() with { EndTimes = null }, "end_times" },
        { Daily(endTimes: 0), "end_times" },
        { Daily(endTimes: RecurrenceSchedule.MaxOccurrences + 1), "end_times" },
        { Daily() with { DurationMinutes = null }, "duration" },
        { Daily() with { DurationMinutes = 0 }, "duration" },
        { Daily() with { DurationMinutes = RecurrenceSchedule.MaxDurationMinutes + 1 }, "duration" },
        { Daily() with { Type = RecurrenceFrequency.Weekly, WeeklyDays = [2, 8] }, "weekly_days" },
        { Daily() with { Type = RecurrenceFrequency.Weekly, WeeklyDays = [0] }, "weekly_days" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, MonthlyDays = [32] }, "monthly_days" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, MonthlyDays = [1], MonthlyWeek = 1, MonthlyWeekDay = 2 }, "monthly_days" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, MonthlyWeek = 5, MonthlyWeekDay = 2 }, "monthly_week" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, MonthlyWeek = 0, MonthlyWeekDay = 2 }, "monthly_week" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, MonthlyWeek = 2 }, "monthly_week_day" },
        { Daily() with { Type = RecurrenceFrequency.Monthly, MonthlyWeek = -1, MonthlyWeekDay = 8 }, "monthly_week_day" },
        { Daily() with { EndTimes = null, EndDateTimeUtc = Start.AddMinutes(-1) }, "end_date_time" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void Invalid_rule_is_rejected_naming_the_field(RecurrenceRule rule, string field)
    {
        var error = Assert.Throws<RecurrenceValidationException>(() => RecurrenceSchedule.Expand(rule, Start, "UTC"));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + ":", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Start_near_the_end_of_the_calendar_is_rejected_not_overflowed()
    {
        var error = Assert.Throws<RecurrenceValidationException>(() =>
            RecurrenceSchedule.Expand(Daily(), new DateTimeOffset(9999, 12, 31, 23, 59, 0, TimeSpan.Zero), "UTC"));

        Assert.Equal("start_time", error.Field);
    }

    [Fact]
    public void Maximum_intervals_are_accepted()
    {
        Assert.Equal(90, RecurrenceSchedule.Validate(Daily() with { RepeatInterval = 90 }));
        Assert.Equal(12, RecurrenceSchedule.Validate(Daily() with { Type = RecurrenceFrequency.Weekly, RepeatInterval = 12 }));
        Assert.Equal(3, RecurrenceSchedule.Validate(Daily() with { Type = RecurrenceFrequency.Monthly, RepeatInterval = 3 }));
    }

    [Fact]
    public void Fields_of_another_type_are_ignored()
    {
        var rule = Daily() with { WeeklyDays = [9], MonthlyWeek = 7 };

        Assert.Equal(3, RecurrenceSchedule.Expand(rule, Start, "UTC").Count);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("SST")]
    [InlineData("")]
    [InlineData("   ")]
    public void Unknown_time_zone_fails_clearly(string timeZoneId)
    {
        var error = Assert.Throws<RecurrenceValidationException>(() => RecurrenceSchedule.Expand(Daily(), Start, timeZoneId));

        Assert.Equal("timezone", error.Field);
        if (!string.IsNullOrWhiteSpace(timeZoneId))
        {
            Assert.Contains(timeZoneId, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("America/Indianapolis", "America/Indiana/Indianapolis")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("Europe/Kiev", "Europe/Kyiv")]
    public void Legacy_Zoom_ids_resolve_to_the_same_rules_as_their_canonical_names(string legacy, string canonical)
    {
        Assert.Equal(canonical, ZoomTimeZones.CanonicalAliasOf(legacy));
        var rule = Daily(endTimes: 60);

        var viaLegacy = RecurrenceSchedule.Expand(rule, Start, legacy);
        var viaCanonical = RecurrenceSchedule.Expand(rule, Start, canonical);

        Assert.Equal(viaCanonical, viaLegacy);
    }

    [Fact]
    public void Calcutta_is_resolved_with_its_half_hour_offset()
    {
        var zone = ZoomTimeZones.Resolve("Asia/Calcutta");

        Assert.Equal(TimeSpan.FromHours(5.5), zone.GetUtcOffset(Start));
    }
}
