using System.Net;
using Polly.Timeout;
using ZoomEvents.Runtime.Auth;

namespace ZoomEvents.Runtime.Tickets;

/// <summary>Non-generic facts shared by every <see cref="TicketRegistrar{TRequest, TTicket, TError}"/>.</summary>
public static class TicketRegistrar
{
    /// <summary>Zoom's limit of attendees per <c>createTickets</c> call.</summary>
    public const int MaxBatchSize = 30;

    /// <summary>
    /// True when a failed POST may nevertheless have been processed: transport errors, timeouts, 5xx/408 and
    /// an unreadable success body.
    /// A 4xx or 429 means Zoom rejected the request before doing anything, and a token failure
    /// (<see cref="IsTokenFailure"/>) means the request was never sent.
    /// </summary>
    public static bool IsAmbiguousFailure(Exception exception) => exception switch
    {
        // Checked first: ZoomTokenUnavailableException is an HttpRequestException and a rejected token request is a
        // ZoomApiException, yet neither left the machine, so a lookup would only start another round of token requests.
        _ when IsTokenFailure(exception) => false,
        ZoomRateLimitException => false,
        ZoomApiException api => (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.RequestTimeout,
        HttpRequestException or IOException or TimeoutRejectedException or TimeoutException => true,
        // The 201 arrived but could not be read: the tickets exist, and the lookup will find them.
        System.Text.Json.JsonException => true,
        // A timeout surfacing as cancellation (HttpClient.Timeout) when the caller did not cancel.
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="exception"/> (or an exception it wraps) says no access token could be obtained:
    /// <see cref="ZoomTokenUnavailableException"/> or <see cref="ZoomTokenRejectedException"/>. The API request was
    /// not sent, and every later request would fail the same way.
    /// </summary>
    public static bool IsTokenFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ZoomTokenUnavailableException or ZoomTokenRejectedException)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Creates tickets safely for any number of attendees. Zoom accepts at most 30 per <c>createTickets</c> call,
/// and a POST that times out or loses its connection may or may not have created the tickets. The registrar
/// splits the attendees into batches, merges tickets and errors, and after an ambiguous failure looks each
/// pending ticket up by <c>external_ticket_id</c>, re-sending only those that do not exist. It depends only on
/// delegates, so it works with any generated client version.
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
    /// Without it, requests lacking an id are still sent, but after an ambiguous failure they are reported as
    /// <see cref="TicketRegistrationFailure{TRequest}.OutcomeUnknown"/> instead of being re-sent.
    /// </summary>
    public Func<TRequest, string, TRequest>? AssignExternalTicketId { get; init; }

    /// <summary>Pause before looking tickets up after an ambiguous failure, so in-flight work on Zoom's side can finish (default 1 s).</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Clock for <see cref="RecoveryDelay"/> (tests use a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Registers every request. Never throws for per-attendee or per-batch problems; those are in the result.
    /// Throws only for cancellation and invalid arguments.
    /// </summary>
    public async Task<TicketRegistrationResult<TRequest, TTicket, TError>> RegisterAsync(
        IEnumerable<TRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var tickets = new List<TTicket>();
        var errors = new List<TError>();
        var failures = new List<TicketRegistrationFailure<TRequest>>();
        var recovered = 0;

        var prepared = Prepare(requests, failures);
        var batches = prepared.Chunk(_batchSize).ToList();
        Exception? stopReason = null;
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stopReason is not null)
            {
                AddFailures(failures, batch, "Not sent: an earlier batch failed (" + Describe(stopReason) + ")", stopReason, unknown: false);
                continue;
            }

            var (batchRecovered, stop) = await SendWithRecoveryAsync(batch, tickets, errors, failures, cancellationToken).ConfigureAwait(false);
            recovered += batchRecovered;
            stopReason ??= stop;
        }

        return new TicketRegistrationResult<TRequest, TTicket, TError>(tickets, errors, failures, batches.Count, recovered);
    }

    private List<TRequest> Prepare(IEnumerable<TRequest> requests, List<TicketRegistrationFailure<TRequest>> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<TRequest>();
        foreach (var original in requests)
        {
            var request = original;
            var id = _externalId(request);
            if (string.IsNullOrEmpty(id) && AssignExternalTicketId is not null)
            {
                id = "zer-" + Guid.NewGuid().ToString("N");
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

    private async Task<(int Recovered, Exception? Stop)> SendWithRecoveryAsync(
        IReadOnlyList<TRequest> batch, List<TTicket> tickets, List<TError> errors,
        List<TicketRegistrationFailure<TRequest>> failures, CancellationToken cancellationToken)
    {
        var pending = batch;
        var recovered = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await _createBatch(pending, cancellationToken).ConfigureAwait(false);
                if (response?.Tickets is { } created)
                {
                    tickets.AddRange(created);
                }

                if (response?.Errors is { } refused)
                {
                    errors.AddRange(refused);
                }

                return (recovered, null);
            }
            catch (Exception ex) when (TicketRegistrar.IsTokenFailure(ex))
            {
                // Nothing was sent, and every later call would ask the token endpoint again and fail the same way.
                AddFailures(failures, pending, "Not sent: " + Describe(ex), ex, unknown: false);
                return (recovered, ex);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TicketRegistrar.IsAmbiguousFailure(ex))
            {
                var stillPending = new List<TRequest>();
                foreach (var request in pending)
                {
                    if (string.IsNullOrEmpty(_externalId(request)))
                    {
                        failures.Add(new(request,
                            "Outcome unknown: the request failed after it may have reached Zoom (" + Describe(ex) +
                            ") and the attendee has no external_ticket_id to check; verify before retrying.", ex, true));
                    }
                    else
                    {
                        stillPending.Add(request);
                    }
                }

                if (stillPending.Count == 0)
                {
                    return (recovered, null);
                }

                if (attempt >= _maxRecoveryAttempts)
                {
                    AddFailures(failures, stillPending,
                        $"Outcome unknown after {attempt + 1} attempts (last: {Describe(ex)}); look the ticket up by external_ticket_id before retrying.",
                        ex, unknown: true);
                    return (recovered, null);
                }

                if (RecoveryDelay > TimeSpan.Zero)
                {
                    await Task.Delay(RecoveryDelay, TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                var notFound = new List<TRequest>();
                for (var i = 0; i < stillPending.Count; i++)
                {
                    var request = stillPending[i];
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
                        AddFailures(failures, stillPending.Skip(i),
                            $"Outcome unknown: creating failed ({Describe(ex)}) and the lookup by external_ticket_id could not run ({Describe(lookupError)}).",
                            lookupError, unknown: true);
                        return (recovered, lookupError);
                    }
                    catch (Exception lookupError) when (!cancellationToken.IsCancellationRequested)
                    {
                        // Re-sending without knowing could register the attendee twice; report instead.
                        failures.Add(new(request,
                            $"Outcome unknown: creating failed ({Describe(ex)}) and looking up external_ticket_id '{id}' failed too ({Describe(lookupError)}).",
                            lookupError, true));
                        continue;
                    }

                    if (existing is not null)
                    {
                        tickets.Add(existing);
                        recovered++;
                    }
                    else
                    {
                        notFound.Add(request);
                    }
                }

                if (notFound.Count == 0)
                {
                    return (recovered, null);
                }

                pending = notFound;
            }
            catch (ZoomApiException ex) when (IsFatal(ex))
            {
                AddFailures(failures, pending, "Not registered: " + ex.Message, ex, unknown: false);
                return (recovered, ex);
            }
            catch (ZoomApiException ex)
            {
                // A 4xx for the whole batch (e.g. validation): Zoom did nothing, the next batch may still succeed.
                AddFailures(failures, pending, "Not registered: " + ex.Message, ex, unknown: false);
                return (recovered, null);
            }
        }
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
}
