using ZoomEvents.Pact;

namespace ZoomEvents.ConsumerPacts.Tests.Infrastructure;

/// <summary>
/// Fixed ids and matchers shared by the interactions. Ids are passed to the provider states, so the sandbox creates
/// entities with exactly these ids and the request paths in the pact work unchanged during provider verification.
/// Nothing here is random or time-dependent: the pact files must be byte-for-byte reproducible.
/// </summary>
internal static class Wire
{
    public const string HubId = "d0k7aN2gR8qyu1dXyX3mSg";
    public const string EventId = "Rf5yTfkGSsO4ef3pH0jTqA";
    public const string UnknownEventId = "NoSuchEvent0000000000A";
    public const string TicketTypeId = "q8S2Xb0pTuuJk6zQvTn4Ew";
    public const string UnknownTicketTypeId = "NoSuchTicketType00000A";
    public const string Session1 = "s1Jan7Wq3TQeP0aVb8nR2xw";
    public const string Session2 = "s2Feb4Lm8YRu2kC6dXw1pA";
    public const string AllSessionsLinkId = "LkAllSessions000000000A";
    public const string SingleSessionLinkId = "LkSingleSession0000000A";
    public const string MultipleSessionsLinkId = "LkMultipleSessions000A";

    /// <summary>The tutorial's schedule: first Wednesday of January 2026, 13:00 UTC, fifteen minutes.</summary>
    public const string FirstStart = "2026-01-07T13:00:00Z";
    public const string FirstEnd = "2026-01-07T13:15:00Z";

    /// <summary>Zoom's ids: opaque, URL-safe, at least ten characters.</summary>
    public const string IdPattern = "^[A-Za-z0-9_-]{10,}$";

    /// <summary>Any bearer token: the consumer's is a test token, the provider's a real one from its token endpoint.</summary>
    public const string BearerPattern = "^Bearer [A-Za-z0-9._~+/-]+=*$";

    public static Matcher Id(string example) => Match.Regex(example, IdPattern);

    public static Matcher Utc(string example) => Match.DateTime(Match.UtcDateTimeFormat, example);

    public static Matcher Bearer() => Match.Regex("Bearer " + ZoomPact.TestToken, BearerPattern);

    public static string EventPath(string eventId, string? rest = null) =>
        $"/v2/zoom_events/events/{eventId}" + (rest is null ? "" : "/" + rest);
}
