using ZoomEvents.Sandbox.Infrastructure;

namespace ZoomEvents.Sandbox.Store;

/// <summary>One entry of a createTickets batch.</summary>
internal sealed class TicketInput
{
    public required string Email { get; init; }

    public string? TicketTypeId { get; init; }

    public string? ExternalTicketId { get; init; }

    public bool? SendNotification { get; init; }

    public bool? FastJoin { get; init; }

    public bool? RegistrationNeeded { get; init; }

    public List<string>? SessionIds { get; init; }

    public Dictionary<string, string> Answers { get; init; } = [];

    public List<(string Title, string Answer)> CustomQuestions { get; init; } = [];
}

/// <summary>A ticket of a batch that was not issued (an entry of the 201's <c>errors</c>).</summary>
internal sealed record TicketError(string Email, string ErrorCode, string Message);

/// <summary>
/// Ticket issuing rules. Zoom's createTickets has no access-link parameter, so the registration option is taken from
/// the event's registration links and the shape of each entry (see README "Registration rules").
/// </summary>
internal static class TicketDomain
{
    public const int MaxTicketsPerRequest = 30;

    public static TicketRecord Get(EventRecord record, string ticketId) =>
        record.Tickets.FirstOrDefault(t => t.Id == ticketId) ?? throw new ZoomProblem(404, 26503, "Ticket not found.");

    public static (List<TicketRecord> Created, List<TicketError> Errors) Create(
        EventRecord record, IReadOnlyList<TicketInput> inputs, string validationLevel, string? registrationSource, IReadOnlyList<string>? fixedIds = null,
        int maxTickets = MaxTicketsPerRequest)
    {
        if (record.Status != EventStatus.Published)
        {
            throw new ZoomProblem(400, 26501, "Tickets can only be issued for a published event.");
        }

        // Rule violations reject the whole batch before anything is issued; per-ticket problems come back in errors[].
        var plans = new List<List<string>>[inputs.Count];
        var fieldErrors = new List<FieldError>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (validationLevel == "strict" && inputs[i].CustomQuestions.Count > 0)
            {
                throw new ZoomProblem(400, 260503, "The event has no custom registration questions configured, so strict validation rejects answers to them.");
            }

            plans[i] = Plan(record, inputs[i], i, fieldErrors);
        }

        if (fieldErrors.Count > 0)
        {
            throw ZoomProblem.Validation(fieldErrors);
        }

        // Per-ticket problems are judged first: an entry that ends up in errors[] issues nothing, so only the entries
        // that pass count towards the cap. Stock is checked against what the entries before it would already take.
        var created = new List<TicketRecord>();
        var errors = new List<TicketError>();
        var accepted = new List<int>();
        var sessionIds = record.Sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var planned = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var error = Check(record, inputs[i], sessionIds, planned + plans[i].Count);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            accepted.Add(i);
            planned += plans[i].Count;
        }

        // The parser caps entries at 30, but a single_session entry becomes one ticket per chosen session, so the cap
        // is checked again on what would actually be issued.
        if (planned > maxTickets)
        {
            throw ZoomProblem.Validation("tickets",
                $"At most {maxTickets} tickets can be created per request; these {inputs.Count} entries would issue {planned} " +
                "(a single_session registration issues one ticket per selected session).");
        }

        foreach (var i in accepted)
        {
            var input = inputs[i];
            foreach (var sessions in plans[i])
            {
                var id = fixedIds is not null && created.Count < fixedIds.Count ? fixedIds[created.Count] : SandboxIds.New();
                var ticket = new TicketRecord
                {
                    Id = id,
                    TicketTypeId = input.TicketTypeId ?? record.TicketType.Id,
                    Email = input.Email,
                    ExternalTicketId = input.ExternalTicketId,
                    RegistrationSource = registrationSource,
                    FastJoin = input.FastJoin,
                    RegistrationNeeded = input.RegistrationNeeded,
                    SendNotification = input.SendNotification,
                    Answers = new Dictionary<string, string>(input.Answers),
                    CustomQuestions = input.CustomQuestions.ToList(),
                    SessionIds = sessions,
                };
                record.Tickets.RemoveAll(t => t.Id == id);
                record.Tickets.Add(ticket);
                created.Add(ticket);
            }
        }

        return (created, errors);
    }

    // Decides how many tickets one entry becomes and which sessions each covers; an empty list means all sessions.
    private static List<List<string>> Plan(EventRecord record, TicketInput input, int index, List<FieldError> errors)
    {
        var ids = input.SessionIds?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var options = record.Links
            .Where(l => l.Type == "registration" && l.RecurringRegistrationOption is not null)
            .Select(l => l.RecurringRegistrationOption!)
            .ToHashSet(StringComparer.Ordinal);
        var field = $"tickets[{index}].session_ids";

        if (!record.IsRecurring || options.Count == 0)
        {
            return [ids];
        }

        if (ids.Count == 0)
        {
            if (!options.Contains(RegistrationOptions.AllSessions))
            {
                errors.Add(new FieldError(field, "session_ids is required: this event's registration links register for chosen sessions (single_session or multiple_sessions)."));
            }

            return [ids];
        }

        if (options.All(o => o == RegistrationOptions.AllSessions))
        {
            errors.Add(new FieldError(field, "This event's registration links cover all sessions (all_sessions); omit session_ids."));
            return [];
        }

        if (ids.Count == 1 || options.Contains(RegistrationOptions.MultipleSessions))
        {
            return [ids];
        }

        // Only single_session registration is offered: one ticket per chosen session.
        return ids.Select(id => new List<string> { id }).ToList();
    }

    // newTickets: what this batch would hold once this entry is issued, so stock is checked for the batch as a whole.
    private static TicketError? Check(EventRecord record, TicketInput input, HashSet<string> sessionIds, int newTickets)
    {
        if (input.TicketTypeId is not null && input.TicketTypeId != record.TicketType.Id)
        {
            return new TicketError(input.Email, "ticket_type_notfound", $"Ticket type {input.TicketTypeId} does not exist for this event.");
        }

        if (input.FastJoin == true && input.RegistrationNeeded == true)
        {
            return new TicketError(input.Email, "fast_join_with_registrationNeeded", "fast_join can't be combined with registration_needed.");
        }

        if (input.CustomQuestions.GroupBy(q => q.Title, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            return new TicketError(input.Email, "tickets_duplicate_custom_questions", "A custom question is answered more than once.");
        }

        var unknown = (input.SessionIds ?? []).Where(id => !sessionIds.Contains(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return new TicketError(input.Email, "session_not_found", $"Not sessions of this event: {string.Join(", ", unknown)}.");
        }

        if (record.Tickets.Count + newTickets > record.TicketType.Quantity)
        {
            return new TicketError(input.Email, "stock_not_exist", "No tickets of this type are left.");
        }

        return null;
    }
}
