using System.Globalization;
using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Infrastructure;

namespace ZoomEvents.Sandbox.Store;

/// <summary>
/// Turns records into Zoom's response shapes (snake_case, UTC dates, optional members omitted). Called inside the store
/// lock. <c>site</c> is the sandbox's public root (ends with '/') used for the URLs Zoom would host.
/// </summary>
internal static class Render
{
    public static JsonObject Hub(HubRecord hub, string site) => new()
    {
        ["hub_id"] = hub.Id,
        ["access_level"] = hub.AccessLevel,
        ["name"] = hub.Name,
        ["description"] = hub.Description,
        ["public_url"] = $"{site}hubs/{hub.Id}",
        ["hidden_hub"] = false,
        ["hub_active"] = true,
        ["auto_list_events"] = true,
        ["landing_hub"] = true,
    };

    public static JsonObject Event(EventRecord e, string site)
    {
        var body = new JsonObject
        {
            ["event_id"] = e.Id,
            ["name"] = e.Name,
            ["description"] = e.Description,
            ["timezone"] = e.Timezone,
            ["event_type"] = e.EventType,
            ["access_level"] = e.AccessLevel,
            ["attendance_type"] = e.AttendanceType,
            ["hub_id"] = e.HubId,
            ["status"] = e.Status,
            ["calendar"] = ZoomJson.Array(e.Calendar.Select(c => (JsonNode)new JsonObject
            {
                ["start_time"] = ZoomJson.Date(c.Start),
                ["end_time"] = ZoomJson.Date(c.End),
            })),
            ["event_url"] = $"{site}events/{e.Id}",
        };
        body.SetIfNotNull("meeting_type", e.MeetingType);
        body.SetIfNotNull("recurrence", e.Recurrence is null ? null : Recurrence(e.Recurrence));
        body.SetIfNotNull("categories", e.Categories is null ? null : ZoomJson.Array(e.Categories));
        body.SetIfNotNull("tags", e.Tags is null ? null : ZoomJson.Array(e.Tags));
        body.SetIfNotNull("blocked_countries", e.BlockedCountries is null ? null : ZoomJson.Array(e.BlockedCountries));
        body.SetIfNotNull("contact_name", e.ContactName);
        body.SetIfNotNull("tagline", e.Tagline);
        body.SetIfNotNull("lobby_start_time", e.LobbyStart is { } ls ? ZoomJson.Date(ls) : null);
        body.SetIfNotNull("lobby_end_time", e.LobbyEnd is { } le ? ZoomJson.Date(le) : null);
        if (e.Sessions.Count > 0)
        {
            body["start_time"] = ZoomJson.Date(e.Sessions[0].Start);
            body["end_time"] = ZoomJson.Date(e.Sessions[^1].End);
        }

        return body;
    }

    // Zoom's read shape: weekly_days as "2,6", monthly_days as a number (an array only when several days were given).
    private static JsonObject Recurrence(RecurrenceSpec r)
    {
        var body = new JsonObject();
        if (r.Type is { } type)
        {
            body["type"] = type;
        }

        body["repeat_interval"] = r.RepeatInterval ?? 1;
        if (r.WeeklyDays is { Count: > 0 } weekly)
        {
            body["weekly_days"] = string.Join(',', weekly.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        }

        if (r.MonthlyDays is { Count: > 0 } monthly)
        {
            body["monthly_days"] = monthly.Count == 1 ? monthly[0] : new JsonArray(monthly.Select(d => (JsonNode?)d).ToArray());
        }

        SetInt(body, "monthly_week", r.MonthlyWeek);
        SetInt(body, "monthly_week_day", r.MonthlyWeekDay);
        SetInt(body, "end_times", r.EndTimes);
        body.SetIfNotNull("end_date_time", r.EndDateTime is { } end ? ZoomJson.Date(end) : null);
        SetInt(body, "duration", r.Duration);
        return body;
    }

    private static void SetInt(JsonObject body, string name, int? value)
    {
        if (value is { } v)
        {
            body[name] = v;
        }
    }

    public static JsonObject Session(EventRecord e, SessionRecord s)
    {
        // Zoom numbers session rooms by kind: 0 meeting, 2 webinar, 4 none (in-person).
        var type = e.AttendanceType == "in-person" ? 4 : e.MeetingType == "WEBINAR" ? 2 : 0;
        var body = new JsonObject
        {
            ["session_id"] = s.Id,
            ["name"] = s.Name,
            ["description"] = e.Description,
            ["start_time"] = ZoomJson.Date(s.Start),
            ["end_time"] = ZoomJson.Date(s.End),
            ["timezone"] = e.Timezone,
            ["type"] = type,
            ["session_speakers"] = new JsonArray(),
            ["featured"] = false,
            ["visible_in_landing_page"] = true,
            ["featured_in_lobby"] = false,
            ["visible_in_lobby"] = true,
            ["is_simulive"] = false,
            ["attendance_type"] = e.AttendanceType,
            ["session_reservation"] = new JsonObject { ["allow_reservations"] = false, ["max_capacity"] = 0 },
        };
        if (type == 0)
        {
            body["meeting_id"] = s.RoomNumber;
        }
        else if (type == 2)
        {
            body["webinar_id"] = s.RoomNumber;
        }

        return body;
    }

    public static JsonObject TicketType(EventRecord e) => new()
    {
        ["ticket_type_id"] = e.TicketType.Id,
        ["name"] = e.TicketType.Name,
        ["currency"] = "USD",
        ["free"] = true,
        ["price"] = "0",
        ["quantity"] = e.TicketType.Quantity,
        ["sold_quantity"] = e.Tickets.Count,
        ["start_time"] = ZoomJson.Date(e.CreatedAt),
        ["end_time"] = ZoomJson.Date(e.EndsAt ?? e.CreatedAt),
        ["description"] = "Default ticket type every event has.",
        ["sessions"] = ZoomJson.Array(["ALL"]),
        ["bookmarked_sessions"] = new JsonArray(),
    };

    public static JsonObject AccessLink(EventRecord e, AccessLinkRecord l, string? site)
    {
        var body = new JsonObject
        {
            ["access_link_id"] = l.Id,
            ["name"] = l.Name,
            ["type"] = l.Type,
            ["authentication_method"] = l.AuthenticationMethod,
            ["is_default"] = l.IsDefault,
        };
        body.SetIfNotNull("idp_name", l.IdpName);
        body.SetIfNotNull("allow_domain_list", l.AllowDomainList is null ? null : ZoomJson.Array(l.AllowDomainList));
        body.SetIfNotNull("email_restrict_list", l.EmailRestrictList is null ? null : ZoomJson.Array(l.EmailRestrictList));
        if (l.EmailAuthentication is not null || l.SecurityCodeVerification is not null)
        {
            var security = new JsonObject();
            security.SetIfNotNull("email_authentication", l.EmailAuthentication);
            security.SetIfNotNull("security_code_verification", l.SecurityCodeVerification);
            body["security_at_join"] = security;
        }

        body.SetIfNotNull("ticket_type_id", l.TicketTypeId);
        body.SetIfNotNull("recurring_registration_option", l.RecurringRegistrationOption);
        if (site is not null)
        {
            body["url"] = $"{site}events/{e.Id}/links/{l.Id}";
        }

        return body;
    }

    public static JsonObject CreatedTicket(EventRecord e, TicketRecord t, string site)
    {
        var body = new JsonObject { ["ticket_id"] = t.Id };
        body.SetIfNotNull("external_ticket_id", t.ExternalTicketId);
        body["email"] = t.Email;
        AddTicketLinks(body, e, t, site);
        return body;
    }

    public static JsonObject Ticket(EventRecord e, TicketRecord t, string site)
    {
        var body = new JsonObject { ["ticket_id"] = t.Id, ["ticket_type_id"] = t.TicketTypeId };
        body.SetIfNotNull("external_ticket_id", t.ExternalTicketId);
        body["email"] = t.Email;
        foreach (var (name, value) in t.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            body[name] = value;
        }

        if (t.CustomQuestions.Count > 0)
        {
            body["custom_questions"] = ZoomJson.Array(t.CustomQuestions.Select(q => (JsonNode)new JsonObject { ["title"] = q.Title, ["answer"] = q.Answer }));
        }

        body["session_ids"] = ZoomJson.Array(t.SessionIds);
        body.SetIfNotNull("fast_join", t.FastJoin);
        body.SetIfNotNull("registration_needed", t.RegistrationNeeded);
        AddTicketLinks(body, e, t, site);
        return body;
    }

    private static void AddTicketLinks(JsonObject body, EventRecord e, TicketRecord t, string site)
    {
        body["event_join_link"] = $"{site}events/{e.Id}/join?ticket={t.Id}";
        body["event_registration_link"] = $"{site}events/{e.Id}/register?ticket={t.Id}";
        body["qr_code_url"] = $"{site}events/{e.Id}/qr/{t.Id}.png";
    }

    public static JsonObject TicketError(TicketError error) => new()
    {
        ["email"] = error.Email,
        ["error_code"] = error.ErrorCode,
        ["message"] = error.Message,
    };
}
