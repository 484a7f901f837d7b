namespace ZoomEvents.Runtime;

/// <summary>Helpers that keep credentials and personal data out of logs, traces and exception messages.</summary>
public static class ZoomRedaction
{
    /// <summary>What redacted values are replaced with.</summary>
    public const string Redacted = "***";

    // Query parameters whose values are harmless and useful when reading logs. Everything else
    // (emails, external ids, tokens, account ids) is masked: we cannot know what callers consider private.
    private static readonly HashSet<string> SafeQueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "page_size", "role_type", "event_status_type", "type", "status", "validation_level", "grant_type",
    };

    /// <summary>Shows only the first two characters of an identifier (<c>ab***</c>), or <c>(not set)</c>.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "(not set)" : value.Length <= 4 ? Redacted : value[..2] + Redacted;

    /// <summary>Says whether a secret is set without revealing any of it.</summary>
    public static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";

    /// <summary>
    /// Path plus query with every value masked except a small list of harmless paging/filter keys, e.g.
    /// <c>/v2/zoom_events/events/abc/tickets?external_ticket_id=***&amp;page_size=30</c>.
    /// </summary>
    public static string DescribeUri(Uri? uri)
    {
        if (uri is null)
        {
            return "(no uri)";
        }

        string path, query;
        if (uri.IsAbsoluteUri)
        {
            path = uri.AbsolutePath;
            query = uri.Query.TrimStart('?');
        }
        else
        {
            var parts = uri.OriginalString.Split('?', 2);
            path = parts[0];
            query = parts.Length > 1 ? parts[1] : string.Empty;
        }

        if (query.Length == 0)
        {
            return path;
        }

        var pieces = query.Split('&', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < pieces.Length; i++)
        {
            var eq = pieces[i].IndexOf('=');
            var key = eq < 0 ? pieces[i] : pieces[i][..eq];
            if (eq >= 0 && !SafeQueryKeys.Contains(Uri.UnescapeDataString(key)))
            {
                pieces[i] = key + "=" + Redacted;
            }
        }

        return path + "?" + string.Join('&', pieces);
    }
}
