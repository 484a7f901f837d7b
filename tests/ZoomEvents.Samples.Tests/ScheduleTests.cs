using RecurringEvents;
using Xunit;

namespace ZoomEvents.Samples.Tests;

/// <summary>Against a real account the tutorial's schedule starts at the next first Wednesday, never in the past.</summary>
public sealed class ScheduleTests
{
    [Theory]
    // Late November 2026 (EST, UTC-5): next is Wednesday 2 December 08:00 local.
    [InlineData("2026-11-25T14:00:00Z", "2026-12-02T13:00:00Z")]
    // On a first Wednesday after 08:00 local: next month's (2027-01-06, still EST).
    [InlineData("2026-12-02T13:00:01Z", "2027-01-06T13:00:00Z")]
    // Just before it: the same day.
    [InlineData("2026-12-02T12:59:59Z", "2026-12-02T13:00:00Z")]
    // Into daylight saving (EDT, UTC-4): the wall-clock time stays 08:00.
    [InlineData("2027-03-10T00:00:00Z", "2027-04-07T12:00:00Z")]
    public void Next_first_wednesday_at_eight_in_indianapolis(string now, string expected)
    {
        var start = RecurringEventFlow.NextFirstWednesday(DateTimeOffset.Parse(now));

        Assert.Equal(DateTimeOffset.Parse(expected), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Fact]
    public void The_sandbox_replays_the_tutorials_first_session()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-01-07T13:00:00Z"), RecurringEventFlow.TutorialFirstStart);
    }
}
