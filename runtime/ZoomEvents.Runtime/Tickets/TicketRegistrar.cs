using System.Net;
using ZoomEvents.Runtime.Auth;

namespace ZoomEvents.Runtime.Tickets;

/// <summary>
/// Creates tickets safely for any number of attendees. Zoom accepts at most 30 per <c>createTickets</c> call,
/// and a POST that times out or loses its connection may or may not have created the tickets. The registrar
/// splits the attendees into batches, merges tickets and errors, and after an ambiguous failure looks each
/// pending ticket up by <c>external_ticket_id</c>, re-sending only those that do not exist. With
/// <see cref="LookUpBeforeSending"/> it also looks attendees up before their first POST, so a re-run does not register
/// them again. It depends only on delegates, so it works with any generated client version.
/// </summary>
/// <typeparam name="TRequest">One attendee's ticket request (the generated <c>TicketRequest</c>).</typeparam>
/// <typeparam name="TTicket">A created ticket (the generated <c>CreatedTicket</c>).</typeparam>
/// <typeparam name="TError">A per-attendee error from a 201 (the generated <c>TicketCreationError</c>).</typeparam>
public sealed class TicketRegistrar<TRequest, TTicket, TError>
    where TTicket : class
{
    /// <summary>Zoom's limit of attendees per <c>createTickets</c> call.</summary>
    public const int MaxBatchSize = TicketRegistrar.MaxBatchSize;

    private readonly Func<IReadOnlyList<TRequest>, CancellationToken, Task<TicketBatchResponse<TTicket, TError>>> _createBatch;
    private readonly Func<TRequest, string?> _externalId;
    private readonly Func<string, CancellationToken, Task<TTicket?>> _lookup;
    private readonly int _batchSize = MaxBatchSize;
    private readonly int _maxRecoveryAttempts = 3;

    /// <summary>Creates a registrar.</summary>
    /// <param name="createBatch">Sends one batch (≤ <see cref="BatchSize"/> requests), e.g. wraps <c>CreateTicketsAsync</c>.</param>
    /// <param name="getExternalTicketId">Reads a request's <c>external_ticket_id</c> (null or empty when it has none).</param>
    /// <param name="findByExternalTicketId">
    /// Looks a ticket up by <c>external_ticket_id</c> (e.g. <c>getTickets?external_ticket_id=…</c>), returning
    /// <see langword="null"/> when it does not exist. Map Zoom's <c>Ticket</c> to <typeparamref name="TTicket"/> here.
    /// </param>
    public TicketRegistrar(
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<TicketBatchResponse<TTicket, TError>>> createBatch,
        Func<TRequest, string?> getExternalTicketId,
        Func<string, CancellationToken, Task<TTicket?>> findByExternalTicketId)
    {
        ArgumentNullException.ThrowIfNull(createBatch);
        ArgumentNullException.ThrowIfNull(getExternalTicketId);
        ArgumentNullException.ThrowIfNull(findByExternalTicketId);
        _createBatch = createBatch;
        _externalId = getExternalTicketId;
        _lookup = findByExternalTicketId;
    }

    /// <summary>Attendees per call, 1..30 (default 30).</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value is >= 1 and <= MaxBatchSize
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, $"Zoom accepts 1 to {MaxBatchSize} tickets per call.");
    }

    /// <summary>How many times a batch is looked up and re-sent after ambiguous failures before giving up (default 3).</summary>
    public int MaxRecoveryAttempts
    {
        get => _maxRecoveryAttempts;
        init => _maxRecoveryAttempts = value is >= 0 and <= 10
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxRecoveryAttempts), value, "Use 0 to 10.");
    }

    /// <summary>
    /// Gives a request an <c>external_ticket_id</c> when it has none (return a copy, e.g. <c>r with { ExternalTicketId = id }</c>).
    /// The id comes from <see cref="ComputeExternalTicketId"/>, which must be set too. Without either, requests lacking
    /// an id are still sent, but after an ambiguous failure they are reported as
    /// <see cref="TicketRegistrationFailure{TRequest}.OutcomeUnknown"/> instead of being re-sent.
    /// </summary>
    public Func<TRequest, string, TRequest>? AssignExternalTicketId { get; init; }

    /// <summary>
    /// Computes the id <see cref="AssignExternalTicketId"/> writes into a request that has none. Make it deterministic,
    /// normally <c>r =&gt; TicketRegistrar.DeriveExternalTicketId(eventId, r.Email, r.SessionIds)</c>: the same attendee
    /// then gets the same id in every run, so with <see cref="LookUpBeforeSending"/> (on by default when this is set) a
    /// re-run after a crash or cancellation finds what the first run created instead of registering it again.
    /// </summary>
    public Func<TRequest, string>? ComputeExternalTicketId { get; init; }

    /// <summary>
    /// Whether each attendee's <c>external_ticket_id</c> is looked up (with the same lookup the recovery uses) before
    /// its batch is sent; attendees found are reported as registered (in <c>Tickets</c>, counted in
    /// <see cref="TicketRegistrationResult{TRequest, TTicket, TError}.AlreadyExistingCount"/>) and not sent again.
    /// Without it a second run over the same attendees creates a second set of tickets, deterministic ids or not.
    /// It costs one lookup per attendee. <see langword="null"/> (default) means on when
    /// <see cref="ComputeExternalTicketId"/> is set (ids are derived, so re-runs are expected) and off otherwise.
    /// </summary>
    public bool? LookUpBeforeSending { get; init; }

    private bool ShouldLookUpFirst => LookUpBeforeSending ?? ComputeExternalTicketId is not null;

    /// <summary>Pause before looking tickets up after an ambiguous failure, so in-flight work on Zoom's side can finish (default 1 s).</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Clock for <see cref="RecoveryDelay"/> (tests use a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Registers every request. Never throws for per-attendee or per-batch problems; those are in the result. A failure
    /// that would repeat for every batch (no access token, 401/403, a rate limit, an unexpected exception) stops the run,
    /// and the remaining attendees are reported as not sent.
    /// </summary>
    /// <exception cref="TicketRegistrationCanceledException{TRequest, TTicket, TError}">
    /// <paramref name="cancellationToken"/> was cancelled; its <c>PartialResult</c> holds what finished batches created,
    /// the batch in flight as outcome-unknown and the rest as not sent.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="AssignExternalTicketId"/> is set without <see cref="ComputeExternalTicketId"/>.</exception>
    public async Task<TicketRegistrationResult<TRequest, TTicket, TError>> RegisterAsync(
        IEnumerable<TRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (AssignExternalTicketId is not null && ComputeExternalTicketId is null)
        {
            throw new InvalidOperationException(
                "TicketRegistrar.AssignExternalTicketId needs ComputeExternalTicketId (e.g. TicketRegistrar.DeriveExternalTicketId): " +
                "ids must be the same in every run, or a re-run registers the attendees twice.");
        }

        var run = new Run();
        var batches = Prepare(requests, run.Failures).Chunk(_batchSize).ToList();
        Exception? stopReason = null;
        for (var b = 0; b < batches.Count; b++)
        {
            if (stopReason is not null)
            {
                AddFailures(run.Failures, batches[b], "Not sent: an earlier batch failed (" + Describe(stopReason) + ")", stopReason, unknown: false);
                continue;
            }

            try
            {
                run.BatchInFlight = false;
                cancellationToken.ThrowIfCancellationRequested();
                stopReason = await SendWithRecoveryAsync(batches[b], run, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception canceled) when (cancellationToken.IsCancellationRequested)
            {
                // Whatever the exception (an aborted socket surfaces as HttpRequestException, not only as an
                // OperationCanceledException), after the caller cancelled the run ends the cancellation way, result kept.
                // The batch in flight has been recorded by SendWithRecoveryAsync (if it had started); the rest never left.
                foreach (var unsent in batches.Skip(b + (run.BatchInFlight ? 1 : 0)))
                {
                    AddFailures(run.Failures, unsent, "Not sent: the registration was canceled.", null, unknown: false);
                }

                throw new TicketRegistrationCanceledException<TRequest, TTicket, TError>(run.ToResult(batches.Count), canceled, cancellationToken);
            }
        }

        return run.ToResult(batches.Count);
    }

    private List<TRequest> Prepare(IEnumerable<TRequest> requests, List<TicketRegistrationFailure<TRequest>> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<TRequest>();
        foreach (var original in requests)
        {
            var request = original;
            var id = _externalId(request);
            if (string.IsNullOrEmpty(id) && AssignExternalTicketId is not null && ComputeExternalTicketId is not null)
            {
                id = ComputeExternalTicketId(request);
                if (string.IsNullOrEmpty(id))
                {
                    throw new InvalidOperationException("TicketRegistrar.ComputeExternalTicketId returned an empty id.");
                }

                request = AssignExternalTicketId(request, id);
            }

            if (!string.IsNullOrEmpty(id) && !seen.Add(id))
            {
                // Two requests with one id cannot be told apart after a failure, and Zoom would reject the second anyway.
                failures.Add(new(request, $"Not sent: external_ticket_id '{id}' appears more than once in this registration.", null, false));
                continue;
            }

            result.Add(request);
        }

        return result;
    }

    // Sends one batch, recovering after ambiguous failures. Returns the reason to stop the whole run, if any.
    private async Task<Exception?> SendWithRecoveryAsync(IReadOnlyList<TRequest> batch, Run run, CancellationToken cancellationToken)
    {
        if (ShouldLookUpFirst)
        {
            var (toSend, stop) = await SkipExistingAsync(batch, run, cancellationToken).ConfigureAwait(false);
            if (stop is not null || toSend.Count == 0)
            {
                return stop;
            }

            batch = toSend;
        }

        var pending = batch;
        // What is still undecided if the caller cancels: the lookups not yet answered plus those answered "not found".
        IReadOnlyList<TRequest> undecided = batch;
        var notFound = new List<TRequest>();
        var nextLookup = 0;
        var posting = false;
        run.BatchInFlight = true;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                undecided = pending;
                notFound = [];
                nextLookup = 0;
                try
                {
                    posting = true;
                    var response = await _createBatch(pending, cancellationToken).ConfigureAwait(false);
                    posting = false;
                    if (response?.Tickets is { } created)
                    {
                        run.Tickets.AddRange(created);
                    }

                    if (response?.Errors is { } refused)
                    {
                        run.Errors.AddRange(refused);
                    }

                    return null;
                }
                catch (Exception ex) when (TicketRegistrar.IsTokenFailure(ex))
                {
                    posting = false;
                    // Nothing was sent, and every later call would ask the token endpoint again and fail the same way.
                    AddFailures(run.Failures, pending, "Not sent: " + Describe(ex), ex, unknown: false);
                    return ex;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TicketRegistrar.IsAmbiguousFailure(ex))
                {
                    posting = false;
                    var stillPending = new List<TRequest>();
                    foreach (var request in pending)
                    {
                        if (string.IsNullOrEmpty(_externalId(request)))
                        {
                            run.Failures.Add(new(request,
                                "Outcome unknown: the request failed after it may have reached Zoom (" + Describe(ex) +
                                ") and the attendee has no external_ticket_id to check; verify before retrying.", ex, true));
                        }
                        else
                        {
                            stillPending.Add(request);
                        }
                    }

                    undecided = stillPending;
                    if (stillPending.Count == 0)
                    {
                        return null;
                    }

                    if (attempt >= _maxRecoveryAttempts)
                    {
                        AddFailures(run.Failures, stillPending,
                            $"Outcome unknown after {attempt + 1} attempts (last: {Describe(ex)}); look the ticket up by external_ticket_id before retrying.",
                            ex, unknown: true);
                        return null;
                    }

                    if (RecoveryDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(RecoveryDelay, TimeProvider, cancellationToken).ConfigureAwait(false);
                    }

                    for (; nextLookup < stillPending.Count; nextLookup++)
                    {
                        var request = stillPending[nextLookup];
                        var id = _externalId(request)!;
                        TTicket? existing;
                        try
                        {
                            existing = await _lookup(id, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception lookupError) when (TicketRegistrar.IsTokenFailure(lookupError))
                        {
                            // Without a token no lookup can succeed; asking again per attendee would only flood the token
                            // endpoint. The create may have reached Zoom, so these stay unknown, and the run stops.
                            AddFailures(run.Failures, [.. notFound, .. stillPending.Skip(nextLookup)],
                                $"Outcome unknown: creating failed ({Describe(ex)}) and the lookup by external_ticket_id could not run ({Describe(lookupError)}).",
                                lookupError, unknown: true);
                            return lookupError;
                        }
                        catch (Exception lookupError) when (!cancellationToken.IsCancellationRequested)
                        {
                            // Re-sending without knowing could register the attendee twice; report instead.
                            run.Failures.Add(new(request,
                                $"Outcome unknown: creating failed ({Describe(ex)}) and looking up external_ticket_id '{id}' failed too ({Describe(lookupError)}).",
                                lookupError, true));
                            continue;
                        }

                        if (existing is not null)
                        {
                            run.Tickets.Add(existing);
                            run.Recovered++;
                        }
                        else
                        {
                            notFound.Add(request);
                        }
                    }

                    if (notFound.Count == 0)
                    {
                        return null;
                    }

                    pending = notFound;
                }
                catch (ZoomApiException ex) when (IsFatal(ex))
                {
                    AddFailures(run.Failures, pending, "Not registered: " + ex.Message, ex, unknown: false);
                    return ex;
                }
                catch (ZoomApiException ex)
                {
                    // A 4xx for the whole batch (e.g. validation): Zoom did nothing, the next batch may still succeed.
                    AddFailures(run.Failures, pending, "Not registered: " + ex.Message, ex, unknown: false);
                    return null;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Neither Zoom's answer nor a known transport failure (a fault in a delegate, say): whether the POST
                    // left is unknown, and the same fault would most likely hit every later batch.
                    AddFailures(run.Failures, pending,
                        "Outcome unknown: creating failed unexpectedly (" + Describe(ex) + "); look the ticket up by external_ticket_id before retrying.",
                        ex, unknown: true);
                    return ex;
                }
            }
        }
        catch (Exception canceled) when (cancellationToken.IsCancellationRequested && posting && TicketRegistrar.IsTokenWaitCanceled(canceled))
        {
            // The POST was still waiting for its access token: it never left, whatever happened to earlier attempts.
            AddFailures(run.Failures, pending, "Not sent: the registration was canceled while waiting for an access token.", null, unknown: false);
            throw;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Everything this batch had not settled may or may not exist on Zoom: the POST (or a re-send) was out.
            AddFailures(run.Failures, [.. notFound, .. undecided.Skip(nextLookup)],
                "Outcome unknown: the registration was canceled while this batch was being sent or checked; look the ticket up by external_ticket_id before retrying.",
                null, unknown: true);
            throw;
        }
    }

    // Looks every attendee of the batch up before it is sent, so tickets an earlier run created are not created again.
    // Returns what still has to be sent, and the reason to stop the run, if any. Nothing of this batch has been sent
    // yet, so on cancellation the attendees not found (or not checked) are "not sent", never "outcome unknown".
    private async Task<(List<TRequest> ToSend, Exception? Stop)> SkipExistingAsync(
        IReadOnlyList<TRequest> batch, Run run, CancellationToken cancellationToken)
    {
        var toSend = new List<TRequest>();
        var next = 0;
        try
        {
            for (; next < batch.Count; next++)
            {
                var request = batch[next];
                var id = _externalId(request);
                if (string.IsNullOrEmpty(id))
                {
                    toSend.Add(request);
                    continue;
                }

                TTicket? existing;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    existing = await _lookup(id, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TicketRegistrar.IsTokenFailure(ex))
                {
                    // Every later lookup and POST would fail the same way: stop, nothing of this batch left.
                    AddFailures(run.Failures, [.. toSend, .. batch.Skip(next)], "Not sent: " + Describe(ex), ex, unknown: false);
                    return ([], ex);
                }
                catch (ZoomApiException ex) when (!cancellationToken.IsCancellationRequested && IsFatal(ex))
                {
                    // 401/403/429: the same answer awaits every later request.
                    AddFailures(run.Failures, [.. toSend, .. batch.Skip(next)], "Not sent: looking tickets up failed (" + Describe(ex) + ")", ex, unknown: false);
                    return ([], ex);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // An earlier run may have created it; sending blind could register the attendee twice.
                    run.Failures.Add(new(request,
                        $"Not sent: looking up external_ticket_id '{id}' before sending failed ({Describe(ex)}), so whether an earlier run created it is unknown.",
                        ex, true));
                    continue;
                }

                if (existing is not null)
                {
                    run.Tickets.Add(existing);
                    run.AlreadyExisting++;
                }
                else
                {
                    toSend.Add(request);
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            AddFailures(run.Failures, [.. toSend, .. batch.Skip(next)], "Not sent: the registration was canceled.", null, unknown: false);
            run.BatchInFlight = true; // this batch's attendees are recorded; the caller must not add them again
            throw;
        }

        return (toSend, null);
    }

    // Failures that will repeat for every later batch: stop sending and report the rest as not sent.
    private static bool IsFatal(ZoomApiException ex) =>
        ex is ZoomRateLimitException || ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    private static void AddFailures(List<TicketRegistrationFailure<TRequest>> failures, IEnumerable<TRequest> requests,
        string reason, Exception? exception, bool unknown)
    {
        foreach (var request in requests)
        {
            failures.Add(new(request, reason, exception, unknown));
        }
    }

    // Token failures are described by their own message: it names the token endpoint (no credentials) and the cause.
    private static string Describe(Exception ex) =>
        TicketRegistrar.IsTokenFailure(ex) ? "no Zoom access token could be obtained: " + ex.Message
        : ex is ZoomApiException api ? $"HTTP {(int)api.StatusCode}" + (api.ZoomMessage is null ? string.Empty : ": " + api.ZoomMessage) : ex.GetType().Name;

    // Everything one RegisterAsync call has learned so far; kept outside the batch loop so a cancellation loses none of it.
    private sealed class Run
    {
        public List<TTicket> Tickets { get; } = [];

        public List<TError> Errors { get; } = [];

        public List<TicketRegistrationFailure<TRequest>> Failures { get; } = [];

        public int Recovered { get; set; }

        public int AlreadyExisting { get; set; }

        // True once the current batch has started (and so recorded its own outcome on cancellation).
        public bool BatchInFlight { get; set; }

        public TicketRegistrationResult<TRequest, TTicket, TError> ToResult(int batchCount) =>
            new(Tickets, Errors, Failures, batchCount, Recovered, AlreadyExisting);
    }
}
