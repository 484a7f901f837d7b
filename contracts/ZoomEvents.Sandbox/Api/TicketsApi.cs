using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Infrastructure;
using ZoomEvents.Sandbox.Store;

namespace ZoomEvents.Sandbox.Api;

/// <summary>Tickets under <c>/v2/zoom_events/events/{eventId}/tickets</c>.</summary>
internal static class TicketsApi
{
    private static readonly string[] ValidationLevels = ["standard", "strict", "none"];

    // Zoom's standard registration questions, stored and echoed by name.
    private static readonly string[] StandardQuestions =
    [
        "first_name", "last_name", "address", "city", "state", "zip", "country", "phone", "industry", "job_title",
        "organization", "organization_size", "comments",
    ];

    public static void Map(RouteGroupBuilder api)
    {
        const string root = "/events/{eventId}/tickets";

        api.MapGet(root, (string eventId, HttpRequest request, SandboxStore store) =>
        {
            var external = request.Query["external_ticket_id"].ToString();
            var email = request.Query["email"].ToString();
            var ticketType = request.Query["ticket_type_id"].ToString();
            var key = $"tickets|{eventId}|{external}|{email}|{ticketType}";
            var site = EventsApi.Site(request);
            return ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                var (offset, size) = Paging.Read(request, key, d.Now);
                var matching = record.Tickets
                    .Where(t => external.Length == 0 || t.ExternalTicketId == external)
                    .Where(t => email.Length == 0 || string.Equals(t.Email, email, StringComparison.OrdinalIgnoreCase))
                    .Where(t => ticketType.Length == 0 || t.TicketTypeId == ticketType)
                    .ToList();
                return Paging.Page(matching, offset, size, "tickets", t => Render.Ticket(record, t, site), key, d.Now);
            }));
        });

        api.MapPost(root, async (string eventId, HttpContext context, SandboxStore store) =>
        {
            var level = context.Request.Query["validation_level"].ToString();
            if (level.Length == 0)
            {
                level = "standard";
            }

            EventsApi.RequireOneOf("validation_level", level, ValidationLevels);
            var (source, tickets) = Parse(await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted));
            var site = EventsApi.Site(context.Request);
            return ZoomJson.Created(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                var (created, errors) = TicketDomain.Create(record, tickets, level, source);
                return new JsonObject
                {
                    ["tickets"] = ZoomJson.Array(created.Select(t => (JsonNode)Render.CreatedTicket(record, t, site))),
                    ["errors"] = ZoomJson.Array(errors.Select(e => (JsonNode)Render.TicketError(e))),
                };
            }));
        });

        api.MapGet(root + "/{ticketId}", (string eventId, string ticketId, HttpRequest request, SandboxStore store) =>
            ZoomJson.Ok(store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                return Render.Ticket(record, TicketDomain.Get(record, ticketId), EventsApi.Site(request));
            })));

        api.MapDelete(root + "/{ticketId}", (string eventId, string ticketId, SandboxStore store) =>
        {
            store.Execute(d =>
            {
                var record = EventDomain.Get(d, eventId);
                record.Tickets.Remove(TicketDomain.Get(record, ticketId));
            });
            return Results.NoContent();
        });
    }

    internal static (string? Source, List<TicketInput> Tickets) Parse(JsonObject body)
    {
        var r = new RequestReader();
        var source = r.String(body, "registration_source", maxLength: 16);
        var items = r.Array(body, "tickets", required: true);
        var tickets = new List<TicketInput>();
        if (items is not null && items.Count == 0)
        {
            r.Add("tickets", "tickets must contain at least one ticket.");
        }
        else if (items is not null && items.Count > TicketDomain.MaxTicketsPerRequest)
        {
            r.Add("tickets", $"At most {TicketDomain.MaxTicketsPerRequest} tickets can be created per request; got {items.Count}.");
        }
        else if (items is not null)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var prefix = $"tickets[{i}]";
                if (items[i] is not JsonObject item)
                {
                    r.Add(prefix, "Each ticket must be an object.");
                    continue;
                }

                var email = r.String(item, "email", prefix, required: true, maxLength: 128);
                if (email is not null && !LooksLikeEmail(email))
                {
                    r.Add($"{prefix}.email", $"'{email}' is not an email address.");
                }

                var answers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var question in StandardQuestions)
                {
                    if (r.String(item, question, prefix) is { } answer)
                    {
                        answers[question] = answer;
                    }
                }

                var custom = new List<(string, string)>();
                if (r.Array(item, "custom_questions", prefix, maxItems: 100) is { } questions)
                {
                    for (var q = 0; q < questions.Count; q++)
                    {
                        if (questions[q] is JsonObject question &&
                            r.String(question, "title", $"{prefix}.custom_questions[{q}]", required: true) is { } title &&
                            r.String(question, "answer", $"{prefix}.custom_questions[{q}]", required: true) is { } text)
                        {
                            custom.Add((title, text));
                        }
                        else if (questions[q] is not JsonObject)
                        {
                            r.Add($"{prefix}.custom_questions[{q}]", "Each custom question must be an object with title and answer.");
                        }
                    }
                }

                var ticket = new TicketInput
                {
                    Email = email ?? "",
                    TicketTypeId = r.String(item, "ticket_type_id", prefix),
                    ExternalTicketId = r.String(item, "external_ticket_id", prefix),
                    SendNotification = r.Bool(item, "send_notification", prefix),
                    FastJoin = r.Bool(item, "fast_join", prefix),
                    RegistrationNeeded = r.Bool(item, "registration_needed", prefix),
                    SessionIds = r.Strings(item, "session_ids", prefix, maxItems: 200),
                    Answers = answers,
                    CustomQuestions = custom,
                };
                tickets.Add(ticket);
            }
        }

        r.ThrowIfInvalid();
        return (source, tickets);
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}
