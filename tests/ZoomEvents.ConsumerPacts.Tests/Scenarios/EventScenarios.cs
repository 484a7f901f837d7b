using System.Net;
using Xunit;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Zoom;
using ZoomEvents.Pact;
using ZoomEvents.Runtime;
using static ZoomEvents.ConsumerPacts.Tests.Infrastructure.Wire;

namespace ZoomEvents.ConsumerPacts.Tests.Scenarios;

/// <summary>Steps 1–3 of the tutorial (hubs, the recurring event, publishing) and the unknown-event error.</summary>
internal static class EventScenarios
{
    private const string EventName = "Monthly product office hours";
    private const string EventDescription = "A fifteen-minute open Q&A with the product team on the first Wednesday of each month.";
    private const string TimeZone = "America/Indianapolis";

    // The tutorial's rule (first Wednesday monthly, seven times, fifteen minutes), exact on the wire in the create
    // request and echoed unchanged by the create and get responses.
    private static readonly object TutorialRecurrence =
        new { type = 3, repeat_interval = 1, monthly_week = 1, monthly_week_day = 4, end_times = 7, duration = 15 };

    public static PactScenario ListHubs { get; } = new(
        "list the hubs the caller hosts",
        pact => pact.UponReceiving("a request to list the hubs the caller hosts")
            .Given("a hub exists", new { hubId = HubId, hubName = "Customer Education" })
            .WithReference("openapi", "operationId", "getHubList")
            .WithRequest(HttpMethod.Get, "/v2/zoom_events/hubs")
            .WithQuery("role_type", "host")
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new
            {
                total_records = Match.Integer(1),
                hubs = Match.EachLike(new
                {
                    hub_id = Id(HubId),
                    name = Match.Type("Customer Education"),
                    access_level = Match.Regex("PUBLIC", "^(INTERNAL|PUBLIC)$"),
                    hub_active = Match.Boolean(true),
                }),
            }),
        async zoom =>
        {
            var list = await zoom.Hubs.GetHubListAsync(HubRoleType.Host);
            var hub = Assert.Single(list.Hubs!);
            Assert.Equal(HubId, hub.HubId);
            Assert.Equal(HubAccessLevel.Public, hub.AccessLevel);
            Assert.True(hub.HubActive);
        });

    public static PactScenario CreateRecurringEvent { get; } = new(
        "create the tutorial's monthly recurring event",
        pact => pact.UponReceiving("a request to create the tutorial's monthly recurring event")
            .Given("a hub exists", new { hubId = HubId })
            .WithReference("openapi", "operationId", "createEvent")
            .WithRequest(HttpMethod.Post, "/v2/zoom_events/events")
            .WithHeader("Authorization", Bearer())
            // The documented body, byte for byte in meaning: wire names, enum values, UTC dates and the monthly rule
            // (first Wednesday, seven times, fifteen minutes). No matchers: the client must send exactly this.
            .WithJsonBody(new
            {
                name = EventName,
                description = EventDescription,
                timezone = TimeZone,
                event_type = "RECURRING",
                access_level = "PRIVATE_UNRESTRICTED",
                attendance_type = "virtual",
                hub_id = HubId,
                calendar = new[] { new { start_time = FirstStart, end_time = FirstEnd } },
                recurrence = TutorialRecurrence,
            })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new
            {
                event_id = Id(EventId),
                name = Match.Type(EventName),
                timezone = Match.Type(TimeZone),
                event_type = "RECURRING",
                hub_id = Id(HubId),
                // New events are drafts until published.
                status = "DRAFT",
                calendar = Match.EachLike(new { start_time = Utc(FirstStart), end_time = Utc(FirstEnd) }),
                recurrence = TutorialRecurrence,
                event_url = Match.Type($"https://events.zoom.us/ev/{EventId}"),
            }),
        async zoom =>
        {
            var created = await zoom.Events.CreateEventAsync(new CreateEventRequest
            {
                Name = EventName,
                Description = EventDescription,
                Timezone = TimeZone,
                EventType = EventType.Recurring,
                AccessLevel = AccessLevel.PrivateUnrestricted,
                AttendanceType = AttendanceType.Virtual,
                HubId = HubId,
                Calendar = [new CalendarEntry { StartTime = At(FirstStart), EndTime = At(FirstEnd) }],
                Recurrence = new Recurrence
                {
                    Type = RecurrenceType.Monthly,
                    RepeatInterval = 1,
                    MonthlyWeek = MonthlyWeek.First,
                    MonthlyWeekDay = WeekDay.Wednesday,
                    EndTimes = 7,
                    Duration = 15,
                },
            });
            Assert.Equal(EventId, created.EventId);
            Assert.Equal(EventStatus.Draft, created.Status);
            Assert.Equal(EventType.Recurring, created.EventType);
            Assert.Equal(At(FirstStart), Assert.Single(created.Calendar!).StartTime);
            Assert.Equal(RecurrenceType.Monthly, created.Recurrence!.Type);
            Assert.Equal(WeekDay.Wednesday, created.Recurrence.MonthlyWeekDay);
            Assert.Equal(7, created.Recurrence.EndTimes);
        });

    public static PactScenario Publish { get; } = new(
        "publish the draft event",
        pact => pact.UponReceiving("a request to publish a draft event")
            .Given("a draft recurring event exists", new { eventId = EventId, hubId = HubId })
            .WithReference("openapi", "operationId", "EventActions")
            .WithRequest(HttpMethod.Post, EventPath(EventId, "event_actions"))
            .WithHeader("Authorization", Bearer())
            .WithJsonBody(new { operation = "publish" })
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithJsonBody(new { event_id = Id(EventId), status = "published" }),
        async zoom =>
        {
            var result = await zoom.Events.EventActionsAsync(EventId, new EventActionRequest { Operation = EventOperation.Publish });
            Assert.Equal(EventId, result.EventId);
            Assert.Equal(EventActionStatus.Published, result.Status);
        });

    /// <summary>Reading the event back after publishing, as the tutorial does to confirm its status.</summary>
    public static PactScenario GetPublishedEvent { get; } = new(
        "get the published recurring event",
        pact => pact.UponReceiving("a request to get a published recurring event")
            .Given("a published recurring event exists", new { eventId = EventId, hubId = HubId })
            .WithReference("openapi", "operationId", "getEventInfo")
            .WithRequest(HttpMethod.Get, EventPath(EventId))
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new
            {
                event_id = Id(EventId),
                name = Match.Type(EventName),
                timezone = Match.Type(TimeZone),
                event_type = "RECURRING",
                hub_id = Id(HubId),
                status = "PUBLISHED",
                calendar = Match.EachLike(new { start_time = Utc(FirstStart), end_time = Utc(FirstEnd) }),
                recurrence = TutorialRecurrence,
            }),
        async zoom =>
        {
            var found = await zoom.Events.GetEventInfoAsync(EventId);
            Assert.Equal(EventStatus.Published, found.Status);
            Assert.Equal(MonthlyWeek.First, found.Recurrence!.MonthlyWeek);
            Assert.Equal(15, found.Recurrence.Duration);
        });

    public static PactScenario UnknownEvent { get; } = new(
        "get an event that does not exist",
        pact => pact.UponReceiving("a request for an event that does not exist")
            .Given("no events exist")
            .WithReference("openapi", "operationId", "getEventInfo")
            .WithRequest(HttpMethod.Get, EventPath(UnknownEventId))
            .WithHeader("Authorization", Bearer())
            .WillRespond()
            .WithStatus(HttpStatusCode.NotFound)
            .WithJsonBody(new { code = 2002, message = Match.Type("Event not found.") }),
        async zoom =>
        {
            var error = await Assert.ThrowsAsync<ZoomApiException>(() => zoom.Events.GetEventInfoAsync(UnknownEventId));
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.Equal(2002, error.ErrorCode);
            Assert.Equal("Event not found.", error.ZoomMessage);
        });

    public static IReadOnlyList<PactScenario> All { get; } = [ListHubs, CreateRecurringEvent, Publish, GetPublishedEvent, UnknownEvent];

    private static DateTimeOffset At(string utc) =>
        DateTimeOffset.ParseExact(utc, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
