namespace ZoomEvents.Runtime.Tickets;

/// <summary>What one <c>createTickets</c> call returned: the created tickets and the per-attendee errors of a 201.</summary>
/// <typeparam name="TTicket">The created-ticket type (the generated <c>CreatedTicket</c>).</typeparam>
/// <typeparam name="TError">The per-attendee error type (the generated <c>TicketCreationError</c>).</typeparam>
public sealed record TicketBatchResponse<TTicket, TError>(IReadOnlyList<TTicket>? Tickets, IReadOnlyList<TError>? Errors);

/// <summary>An attendee whose ticket was not created, or whose outcome could not be established.</summary>
/// <param name="Request">The ticket request as given (with any external id the registrar assigned).</param>
/// <param name="Reason">Why, in words suitable for an operator.</param>
/// <param name="Exception">The failure behind it, if any.</param>
/// <param name="OutcomeUnknown">
/// True when the ticket may or may not exist on Zoom (the request was sent but no answer or lookup confirmed
/// it); check by <c>external_ticket_id</c> before trying again.
/// </param>
public sealed record TicketRegistrationFailure<TRequest>(TRequest Request, string Reason, Exception? Exception, bool OutcomeUnknown);

/// <summary>
/// The merged outcome of registering any number of attendees. Partial success is normal: look at
/// <see cref="Errors"/> (Zoom refused these attendees) and <see cref="Failures"/> (not sent, or unknown).
/// </summary>
public sealed class TicketRegistrationResult<TRequest, TTicket, TError>
{
    internal TicketRegistrationResult(
        IReadOnlyList<TTicket> tickets, IReadOnlyList<TError> errors, IReadOnlyList<TicketRegistrationFailure<TRequest>> failures,
        int batchCount, int recoveredCount, int alreadyExistingCount = 0)
    {
        AlreadyExistingCount = alreadyExistingCount;
        Tickets = tickets;
        Errors = errors;
        Failures = failures;
        BatchCount = batchCount;
        RecoveredCount = recoveredCount;
    }

    /// <summary>Tickets created, including those found by lookup after an ambiguous failure or already existing before sending.</summary>
    public IReadOnlyList<TTicket> Tickets { get; }

    /// <summary>Per-attendee errors Zoom reported inside successful (201) responses.</summary>
    public IReadOnlyList<TError> Errors { get; }

    /// <summary>Attendees not registered for reasons outside Zoom's <c>errors[]</c>.</summary>
    public IReadOnlyList<TicketRegistrationFailure<TRequest>> Failures { get; }

    /// <summary>How many <c>createTickets</c> batches were planned (ceil(n / batch size)).</summary>
    public int BatchCount { get; }

    /// <summary>How many tickets were found by <c>external_ticket_id</c> after an ambiguous failure instead of being re-sent.</summary>
    public int RecoveredCount { get; }

    /// <summary>
    /// How many attendees already had a ticket (found by <c>external_ticket_id</c> before sending, e.g. created by an
    /// earlier run) and were therefore not sent; their tickets are in <see cref="Tickets"/>.
    /// </summary>
    public int AlreadyExistingCount { get; }

    /// <summary>True when every attendee got a ticket.</summary>
    public bool IsComplete => Errors.Count == 0 && Failures.Count == 0;
}

/// <summary>
/// A ticket registration was cancelled part-way. It is an <see cref="OperationCanceledException"/>, so ordinary
/// cancellation handling keeps working, and it carries what the run had achieved: tickets of finished batches, the
/// batch that was in flight as <see cref="TicketRegistrationFailure{TRequest}.OutcomeUnknown"/>, and the batches that
/// never left as not sent. Without it, a cancelled run would lose the record of tickets it did create.
/// </summary>
public sealed class TicketRegistrationCanceledException<TRequest, TTicket, TError> : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public TicketRegistrationCanceledException(
        TicketRegistrationResult<TRequest, TTicket, TError> partialResult, Exception? innerException, CancellationToken cancellationToken)
        : base(
            "Ticket registration was canceled; PartialResult lists the tickets created so far, the attendees whose outcome " +
            "is unknown and those never sent.",
            innerException,
            cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partialResult);
        PartialResult = partialResult;
    }

    /// <summary>What the run achieved before it was cancelled.</summary>
    public TicketRegistrationResult<TRequest, TTicket, TError> PartialResult { get; }
}
