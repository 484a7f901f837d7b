using Xunit;
using ZoomEvents.Runtime.Recurrence;

namespace ZoomEvents.Runtime.Tests.Recurrence;

/// <summary>
/// Checks properties every expansion must have, over many generated rules (fixed seed, so a failure reproduces):
/// chronological order, the count, the pattern of each date, the interval between periods and the local wall-clock time.
/// </summary>
public sealed class RecurrenceInvariantTests
{
    private static readonly string[] Zones = ["UTC", "America/Indianapolis", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Calcutta", "Pacific/Chatham"];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_rules_expand_consistently(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 25; i++)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 3 * 365 * 24 * 4) * 15);
            var rule = RandomRule(random, start);

            var occurrences = RecurrenceSchedule.Expand(rule, start, zone);

            Check(rule, start, ZoomTimeZones.Resolve(zone), occurrences, $"seed {seed} #{i}: {rule} from {start:O} in {zone}");
        }
    }

    private static RecurrenceRule RandomRule(Random random, DateTimeOffset start)
    {
        var type = (RecurrenceFrequency)random.Next(1, 4);
        var useEndDate = random.Next(3) == 0;
        var byWeek = random.Next(2) == 0;
        return new RecurrenceRule
        {
            Type = type,
            RepeatInterval = random.Next(1, type switch { RecurrenceFrequency.Daily => 91, RecurrenceFrequency.Weekly => 13, _ => 4 }),
            WeeklyDays = type == RecurrenceFrequency.Weekly && random.Next(4) > 0 ? Enumerable.Range(1, 7).Where(_ => random.Next(3) == 0).DefaultIfEmpty(3).ToArray() : null,
            MonthlyDays = type == RecurrenceFrequency.Monthly && !byWeek ? Enumerable.Range(1, 31).Where(_ => random.Next(10) == 0).DefaultIfEmpty(31).ToArray() : null,
            MonthlyWeek = type == RecurrenceFrequency.Monthly && byWeek ? new[] { -1, 1, 2, 3, 4 }[random.Next(5)] : null,
            MonthlyWeekDay = type == RecurrenceFrequency.Monthly && byWeek ? random.Next(1, 8) : null,
            EndTimes = useEndDate ? null : random.Next(1, RecurrenceSchedule.MaxOccurrences + 1),
            // At least 200 days, so even a "31st every third month" rule has an occurrence before the end.
            EndDateTimeUtc = useEndDate ? start.AddDays(random.Next(200, 2000)) : null,
            DurationMinutes = random.Next(1, 240),
        };
    }

    private static void Check(RecurrenceRule rule, DateTimeOffset start, TimeZoneInfo zone, IReadOnlyList<Occurrence> occurrences, string context)
    {
        Assert.True(occurrences.Count is > 0 and <= RecurrenceSchedule.MaxOccurrences, context);
        if (rule.EndTimes is { } endTimes)
        {
            Assert.True(occurrences.Count == endTimes, context);
        }

        var localStart = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var startDate = DateOnly.FromDateTime(localStart);
        var timeOfDay = TimeOnly.FromDateTime(localStart);
        var interval = rule.RepeatInterval ?? 1;
        DateOnly? previous = null;
        foreach (var occurrence in occurrences)
        {
            Assert.True(occurrence.StartUtc.Offset == TimeSpan.Zero && occurrence.EndUtc - occurrence.StartUtc == TimeSpan.FromMinutes(rule.DurationMinutes!.Value), context);
            Assert.True(rule.EndDateTimeUtc is null || occurrence.StartUtc <= rule.EndDateTimeUtc, context);

            var local = TimeZoneInfo.ConvertTime(occurrence.StartUtc, zone).DateTime;
            var date = DateOnly.FromDateTime(local);

            // Wall-clock time is kept, except where it does not exist that day (then it moves forward by the gap).
            var intended = date.ToDateTime(timeOfDay);
            Assert.True(TimeOnly.FromDateTime(local) == timeOfDay || zone.IsInvalidTime(intended), $"{context}: {local:O}");

            Assert.True(date >= startDate && (previous is null || date > previous), context);
            previous = date;
            CheckPattern(rule, interval, startDate, date, context);
        }
    }

    private static void CheckPattern(RecurrenceRule rule, int interval, DateOnly startDate, DateOnly date, string context)
    {
        switch (rule.Type)
        {
            case RecurrenceFrequency.Daily:
                Assert.True((date.DayNumber - startDate.DayNumber) % interval == 0, context);
                break;
            case RecurrenceFrequency.Weekly:
                var weekdays = rule.WeeklyDays ?? [(int)startDate.DayOfWeek + 1];
                Assert.Contains((int)date.DayOfWeek + 1, weekdays);
                var weeks = (date.AddDays(-(int)date.DayOfWeek).DayNumber - startDate.AddDays(-(int)startDate.DayOfWeek).DayNumber) / 7;
                Assert.True(weeks % interval == 0, context);
                break;
            default:
                var months = (date.Year - startDate.Year) * 12 + date.Month - startDate.Month;
                Assert.True(months % interval == 0, context);
                if (rule.MonthlyWeek is { } week)
                {
                    Assert.Equal(rule.MonthlyWeekDay!.Value, (int)date.DayOfWeek + 1);
                    var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
                    Assert.True(week == -1 ? date.Day > daysInMonth - 7 : (date.Day - 1) / 7 == week - 1, context);
                }
                else
                {
                    Assert.Contains(date.Day, rule.MonthlyDays ?? [startDate.Day]);
                }

                break;
        }
    }
}
