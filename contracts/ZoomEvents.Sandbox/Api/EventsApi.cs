using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Infrastructure;
using ZoomEvents.Sandbox.Store;

namespace ZoomEvents.Sandbox.Api;

/// <summary>Hubs, events, event actions, sessions and ticket types under <c>/v2/zoom_events</c>.</summary>
internal static class EventsApi
{
    private static readonly string[] RoleTypes = ["host", "attendee"];
    private static readonly string[] StatusTypes = ["upcoming", "past", "draft", "cancelled"];
    private static readonly string[] EventTypeValues = [EventTypes.Simple, EventTypes.Conference, EventTypes.Recurring];
    private static readonly string[] AccessLevels = ["PRIVATE_UNRESTRICTED", "PRIVATE_RESTRICTED", "PUBLIC"];
    private static readonly string[] AttendanceTypes = ["virtual", "in-person", "hybrid"];
    private static readonly string[] MeetingTypes = ["MEETING", "WEBINAR"];
    private static readonly string[] Operations = ["publish", "duplicate", "cancel"];

    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "Education & Family", "Business & Networking", "Entertainment & Visual Arts", "Food & Drink",
        "Fitness & Health", "Home & Lifestyle", "Community & Spirituality", "Other",
    };

    public static string Site(HttpRequest request) => $"{request.Scheme}://{request.Host}/";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/hubs", (HttpRequest request, SandboxStore store) =>
        {
            var role = request.Query["role_type"].ToString();
            if (role.Length == 0)
            {
                throw ZoomProblem.Validation("role_type", "role_type is required (host or attendee).");
            }

            RequireOneOf("role_type", role, RoleTypes);
            var site = Site(request);

            // The sandbox has a single user who hosts every hub, so both roles list the same hubs.
            return ZoomJson.Ok(store.Execute(d => new JsonObject
            {
                ["total_records"] = d.Hubs.Count,
                ["hubs"] = ZoomJson.Array(d.Hubs.Values.OrderBy(h => h.Name, StringComparer.Ordinal).Select(h => (JsonNode)Render.Hub(h, site))),
            }));
        });

        api.MapGet("/events", (HttpRequest request, SandboxStore store) =>
        {
            var role = QueryOr(request, "role_type", "attendee", RoleTypes);
            var status = QueryOr(request, "event_status_type", "upcoming", StatusTypes);
            var key = $"events|{role}|{status}";
            var site = Site(request);
            return ZoomJson.Ok(store.Execute(d =>
            {
                var (offset, size) = Paging.Read(request, key, d.Now);
                var matching = d.Events.Values.Where(e => HasStatus(e, status, d.Now)).OrderBy(e => e.Sequence).ToList();
                return Paging.Page(matching, offset, size, "events", e => Render.Event(e, site), key, d.Now);
            }));
        });

        api.MapPost("/events", async (HttpContext context, SandboxStore store) =>
        {
            var input = ParseEvent(await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted), create: true);
            var site = Site(context.Request);
            return ZoomJson.Created(store.Execute(d => Render.Event(EventDomain.Create(d, input), site)));
        });

        api.MapGet("/events/{eventId}", (string eventId, HttpRequest request, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d => Render.Event(EventDomain.Get(d, eventId), Site(request)))));

        api.MapPatch("/events/{eventId}", async (string eventId, HttpContext context, SandboxStore store) =>
        {
            var patch = ParseEvent(await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted), create: false);
            store.Execute(d => EventDomain.Update(EventDomain.Get(d, eventId), patch));
            return Results.NoContent();
        });

        api.MapDelete("/events/{eventId}", (string eventId, SandboxStore store) =>
        {
            store.Execute(d => d.Events.Remove(EventDomain.Get(d, eventId).Id));
            return Results.NoContent();
        });

        api.MapPost("/events/{eventId}/event_actions", async (string eventId, HttpContext context, SandboxStore store) =>
        {
            var body = await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted);
            var reader = new RequestReader();
            var operation = reader.Enum(body, "operation", Operations, required: true);
            var cancelMessage = reader.String(body, "cancel_message");
            var duplicate = reader.Object(body, "duplicate_event");
            string? copyName = null, copyZone = null;
            DateTimeOffset? copyStart = null;
            if (duplicate is not null)
            {
                // The copy is a new event, so what it takes from here follows createEvent's rules for the same fields.
                copyName = reader.String(duplicate, "name", "duplicate_event", maxLength: 200, nonEmpty: true);
                copyStart = reader.Date(duplicate, "start_time", "duplicate_event");
                copyZone = reader.String(duplicate, "timezone", "duplicate_event", nonEmpty: true);
            }

            reader.ThrowIfInvalid();
            return ZoomJson.Created(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                switch (operation)
                {
                    case "publish":
                        EventDomain.Publish(record);
                        return ActionResult(record.Id, "published");
                    case "cancel":
                        EventDomain.Cancel(record, cancelMessage);
                        return ActionResult(record.Id, "cancelled");
                    default:
                        return ActionResult(EventDomain.Duplicate(d, record, copyName, copyStart, copyZone).Id, "duplicated");
                }
            }));
        });

        api.MapGet("/events/{eventId}/sessions", (string eventId, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                return new JsonObject
                {
                    ["total_records"] = record.Sessions.Count,
                    ["sessions"] = ZoomJson.Array(record.Sessions.Select(s => (JsonNode)Render.Session(record, s))),
                };
            })));

        api.MapGet("/events/{eventId}/sessions/{sessionId}", (string eventId, string sessionId, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                var session = record.Sessions.FirstOrDefault(s => s.Id == sessionId) ?? throw new ZoomProblem(404, 2003, "Session not found.");
                return Render.Session(record, session);
            })));

        api.MapGet("/events/{eventId}/ticket_types", (string eventId, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                return new JsonObject { ["total_records"] = 1, ["ticket_types"] = new JsonArray(Render.TicketType(record)) };
            })));
    }

    private static JsonObject ActionResult(string eventId, string status) => new() { ["status"] = status, ["event_id"] = eventId };

    private static bool HasStatus(EventRecord e, string filter, DateTimeOffset now) => filter switch
    {
        "draft" => e.Status == EventStatus.Draft,
        "cancelled" => e.Status == EventStatus.Cancelled,
        "past" => e.Status == EventStatus.Published && e.EndsAt < now,
        _ => e.Status == EventStatus.Published && !(e.EndsAt < now),
    };

    public static void RequireOneOf(string field, string value, IReadOnlyCollection<string> allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw ZoomProblem.Validation(field, $"'{value}' is not a valid {field}; use one of: {string.Join(", ", allowed)}.");
        }
    }

    private static string QueryOr(HttpRequest request, string name, string fallback, IReadOnlyCollection<string> allowed)
    {
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return fallback;
        }

        RequireOneOf(name, value, allowed);
        return value;
    }

    internal static EventInput ParseEvent(JsonObject body, bool create)
    {
        var r = new RequestReader();
        var input = new EventInput
        {
            Name = r.String(body, "name", required: create, maxLength: 200, nonEmpty: true),
            Description = r.String(body, "description", required: create, nonEmpty: true),
            Timezone = r.String(body, "timezone", required: create, nonEmpty: true),
            EventType = create ? r.Enum(body, "event_type", EventTypeValues, required: true) : null,
            AccessLevel = r.Enum(body, "access_level", AccessLevels, required: create),
            AttendanceType = r.Enum(body, "attendance_type", AttendanceTypes, required: create),
            MeetingType = r.Enum(body, "meeting_type", MeetingTypes),
            HubId = create ? r.String(body, "hub_id", required: true) : null,
            Categories = r.Strings(body, "categories", maxItems: 20, isValid: Categories.Contains, invalidMessage: "Not a known category."),
            Tags = r.Strings(body, "tags", maxItems: 200),
            BlockedCountries = r.Strings(body, "blocked_countries", maxItems: 200, isValid: c => c.Length == 2 && c.All(char.IsAsciiLetterUpper), invalidMessage: "Use an ISO 3166 alpha-2 code such as DE."),
            ContactName = r.String(body, "contact_name"),
            Tagline = r.String(body, "tagline"),
            LobbyStart = r.Date(body, "lobby_start_time"),
            LobbyEnd = r.Date(body, "lobby_end_time"),
        };

        if (!create)
        {
            foreach (var fixedField in new[] { "event_type", "hub_id" })
            {
                if (body.ContainsKey(fixedField))
                {
                    r.Add(fixedField, $"{fixedField} can't be changed after the event is created.");
                }
            }
        }

        var incompleteCalendar = false;
        if (r.Array(body, "calendar") is { } calendar)
        {
            input.Calendar = [];
            for (var i = 0; i < calendar.Count; i++)
            {
                if (calendar[i] is not JsonObject entry)
                {
                    r.Add($"calendar[{i}]", "Each calendar entry must be an object with start_time and end_time.");
                    continue;
                }

                var start = r.Date(entry, "start_time", $"calendar[{i}]");
                var end = r.Date(entry, "end_time", $"calendar[{i}]");
                incompleteCalendar |= !entry.ContainsKey("start_time") || !entry.ContainsKey("end_time");
                if (start is not null && end is not null)
                {
                    input.Calendar.Add(new CalendarEntry(start.Value, end.Value));
                }
            }
        }

        if (r.Object(body, "recurrence") is { } recurrence)
        {
            input.Recurrence = ParseRecurrence(r, recurrence);
        }

        r.ThrowIfInvalid();
        if (incompleteCalendar)
        {
            throw new ZoomProblem(400, 26204, "Each calendar entry must contain start_time and end_time.");
        }

        return input;
    }

    private static RecurrenceSpec ParseRecurrence(RequestReader r, JsonObject body)
    {
        const string prefix = "recurrence";
        var spec = new RecurrenceSpec
        {
            Type = r.Int(body, "type", prefix),
            RepeatInterval = r.Int(body, "repeat_interval", prefix),
            WeeklyDays = r.IntList(body, "weekly_days", prefix),
            MonthlyDays = r.IntList(body, "monthly_days", prefix),
            MonthlyWeek = r.Int(body, "monthly_week", prefix),
            MonthlyWeekDay = r.Int(body, "monthly_week_day", prefix),
            EndTimes = r.Int(body, "end_times", prefix),
            EndDateTime = r.Date(body, "end_date_time", prefix),
            Duration = r.Int(body, "duration", prefix),
        };

        // The enum members are checked here so a bad value is reported with the others; ranges go to the runtime's rules.
        if (spec.Type is { } type && type is < 1 or > 3)
        {
            r.Add("recurrence.type", $"{type} is not a recurrence type; use 1 (daily), 2 (weekly) or 3 (monthly).");
        }

        return spec;
    }
}
