using System.Net;
using System.Security.Cryptography;
using System.Text;
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
        => AnyInChain(exception, static e => e is ZoomTokenUnavailableException or ZoomTokenRejectedException);

    // True when the caller cancelled while the request still waited for its access token: it never left the machine.
    internal static bool IsTokenWaitCanceled(Exception? exception)
        => AnyInChain(exception, static e => e is ZoomTokenWaitCanceledException);

    // HttpClient and the handlers wrap exceptions, so the telling one may sit anywhere in the InnerException chain.
    private static bool AnyInChain(Exception? exception, Func<Exception, bool> match)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (match(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A deterministic <c>external_ticket_id</c> for one planned ticket: <c>zer-</c> plus 32 hex digits of a SHA-256 over
    /// the event id, the e-mail address (trimmed, lower-cased: Zoom treats addresses case-insensitively) and the
    /// session ids (order and repeats ignored). Running the same registration again yields the same ids, so tickets an
    /// earlier, interrupted run created can be found by <c>getTickets?external_ticket_id=…</c> instead of being
    /// created twice, and one attendee's <c>single_session</c> tickets still get one id per session.
    /// </summary>
    /// <remarks>The id is a pseudonym, not an encryption: anyone who can guess an address can recompute it.</remarks>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> or <paramref name="email"/> is empty.</exception>
    public static string DeriveExternalTicketId(string eventId, string email, IEnumerable<string>? sessionIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendPart(hash, eventId.Trim());
        AppendPart(hash, email.Trim().ToLowerInvariant());
        foreach (var session in (sessionIds ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())
                     .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            AppendPart(hash, session);
        }

        return "zer-" + Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 16);
    }

    // Length-prefixed parts, so ("ab", "c") and ("a", "bc") can never produce the same input.
    private static void AppendPart(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
