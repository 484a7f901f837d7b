using System.Collections.Frozen;

namespace ZoomEvents.Runtime.Recurrence;

/// <summary>
/// Resolves the time-zone strings Zoom uses (mostly IANA ids, including legacy aliases) to <see cref="TimeZoneInfo"/>.
/// </summary>
/// <remarks>
/// Zoom's list still carries pre-2000s IANA names such as <c>America/Indianapolis</c> and <c>Asia/Calcutta</c>. Full tzdata
/// installs keep them as links, but trimmed container images and some ICU builds do not, so a miss is retried with the
/// canonical name (and, for renames like Kiev → Kyiv, the other direction for machines with old tzdata). Ids that are not
/// zones at all (Zoom's non-IANA <c>SST</c>, typos) fail with a <see cref="RecurrenceValidationException"/> for
/// <c>timezone</c> instead of silently falling back to UTC.
/// </remarks>
public static class ZoomTimeZones
{
    // Legacy (tzdata "backward" file) name → current name, plus the reverse for renames newer than some tzdata copies.
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["America/Indianapolis"] = "America/Indiana/Indianapolis",
        ["America/Fort_Wayne"] = "America/Indiana/Indianapolis",
        ["America/Buenos_Aires"] = "America/Argentina/Buenos_Aires",
        ["America/Louisville"] = "America/Kentucky/Louisville",
        ["Asia/Calcutta"] = "Asia/Kolkata",
        ["Asia/Kolkata"] = "Asia/Calcutta",
        ["Asia/Saigon"] = "Asia/Ho_Chi_Minh",
        ["Asia/Katmandu"] = "Asia/Kathmandu",
        ["Asia/Rangoon"] = "Asia/Yangon",
        ["Asia/Dacca"] = "Asia/Dhaka",
        ["Atlantic/Faeroe"] = "Atlantic/Faroe",
        ["Europe/Kiev"] = "Europe/Kyiv",
        ["Europe/Kyiv"] = "Europe/Kiev",
        ["Pacific/Samoa"] = "Pacific/Pago_Pago",
        ["GMT"] = "Etc/GMT",
        ["UTC"] = "Etc/UTC",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the zone for a Zoom time-zone id.</summary>
    /// <param name="timeZoneId">The id as Zoom sends it, for example <c>America/Indianapolis</c>.</param>
    /// <returns>The matching zone.</returns>
    /// <exception cref="RecurrenceValidationException">The id is empty or not a zone this machine knows (field <c>timezone</c>).</exception>
    public static TimeZoneInfo Resolve(string timeZoneId)
    {
        if (TryResolve(timeZoneId, out var zone))
        {
            return zone;
        }

        throw new RecurrenceValidationException(
            "timezone",
            string.IsNullOrWhiteSpace(timeZoneId)
                ? "A time zone id is required."
                : $"'{timeZoneId}' is not a known time zone id; use an IANA id such as America/Indiana/Indianapolis.");
    }

    /// <summary>Finds the zone for a Zoom time-zone id without throwing.</summary>
    /// <param name="timeZoneId">The id as Zoom sends it.</param>
    /// <param name="zone">The zone when found.</param>
    /// <returns><see langword="true"/> when the id (or its canonical alias) names a zone on this machine.</returns>
    public static bool TryResolve(string? timeZoneId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return false;
        }

        var id = timeZoneId.Trim();
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
        {
            return true;
        }

        return Aliases.TryGetValue(id, out var canonical) && TimeZoneInfo.TryFindSystemTimeZoneById(canonical, out zone);
    }

    /// <summary>The canonical id a legacy alias maps to, or <see langword="null"/> when the id is not a known alias.</summary>
    /// <param name="timeZoneId">A Zoom time-zone id.</param>
    /// <returns>The id tried when the system does not know <paramref name="timeZoneId"/> itself.</returns>
    public static string? CanonicalAliasOf(string timeZoneId) =>
        Aliases.TryGetValue(timeZoneId, out var canonical) ? canonical : null;
}
