using ZoomEvents.Runtime.Registration;

namespace ZoomEvents.Runtime.Tests;

public sealed class RegistrationPlannerTests
{
    private static readonly string[] Sessions = ["s1", "s2", "s3"];

    private sealed record Attendee(string Email, string[]? Picked);

    public static TheoryData<string, string[]?, string[][]?, string?> Rules => new()
    {
        // option, picked sessions, expected session_ids per ticket (null entry = field omitted), expected violation fragment
        { "all_sessions", null, [null!], null },
        { "all_sessions", [], [null!], null },
        { "all_sessions", ["s1"], null, "must not be given" },
        { "single_session", ["s2"], [["s2"]], null },
        { "single_session", ["s1", "s3"], [["s1"], ["s3"]], null },
        { "single_session", ["s1", "s1"], [["s1"]], null }, // a double click is not a second ticket
        { "single_session", null, null, "at least one session" },
        { "single_session", ["s9"], null, "s9 is not a session" },
        { "multiple_sessions", ["s1", "s3"], [["s1", "s3"]], null },
        { "multiple_sessions", ["s3"], [["s3"]], null },
        { "multiple_sessions", [], null, "at least one session" },
        { "multiple_sessions", ["s1", "x", "y"], null, "x, y are not sessions" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Applies_the_access_link_rule(string option, string[]? picked, string[][]? expectedTickets, string? expectedViolation)
    {
        var plan = RegistrationPlanner.Plan(option, Sessions, [new Attendee("a@example.com", picked)], a => a.Picked, a => a.Email);

        if (expectedViolation is null)
        {
            Assert.True(plan.IsValid);
            Assert.Equal(expectedTickets!.Length, plan.Tickets.Count);
            for (var i = 0; i < expectedTickets.Length; i++)
            {
                Assert.Equal(expectedTickets[i], plan.Tickets[i].SessionIds);
            }
        }
        else
        {
            Assert.Empty(plan.Tickets);
            var violation = Assert.Single(plan.Violations);
            Assert.StartsWith("a@example.com:", violation.Message);
            Assert.Contains(expectedViolation, violation.Message);
        }
    }

    [Fact]
    public void One_bad_attendee_does_not_block_the_others()
    {
        Attendee[] attendees = [new("ok1@example.com", ["s1"]), new("bad@example.com", ["nope"]), new("ok2@example.com", ["s2", "s3"])];

        var plan = RegistrationPlanner.Plan(RegistrationMode.SingleSession, Sessions, attendees, a => a.Picked);

        Assert.Equal(["ok1@example.com", "ok2@example.com", "ok2@example.com"], plan.Tickets.Select(t => t.Attendee.Email));
        Assert.Equal([0, 2, 2], plan.Tickets.Select(t => t.AttendeeIndex));
        var violation = Assert.Single(plan.Violations);
        Assert.Equal(1, violation.AttendeeIndex);
        Assert.StartsWith("attendee #2:", violation.Message);
    }

    [Theory]
    [InlineData("all_sessions", RegistrationMode.AllSessions)]
    [InlineData("SINGLE_SESSION", RegistrationMode.SingleSession)]
    [InlineData(" multiple_sessions ", RegistrationMode.MultipleSessions)]
    public void Parses_wire_values(string wire, RegistrationMode expected)
    {
        Assert.Equal(expected, RegistrationModes.Parse(wire));
        Assert.Equal(wire.Trim().ToLowerInvariant(), expected.ToWireValue());
    }

    [Fact]
    public void An_unknown_option_is_rejected_with_the_valid_values()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegistrationPlanner.Plan("some_sessions", Sessions, Array.Empty<Attendee>(), a => a.Picked));
        Assert.Contains("all_sessions, single_session or multiple_sessions", ex.Message);
    }
}
