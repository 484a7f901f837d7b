using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>
/// Zoom's token paging: <c>page_size</c> (1–300, default 30) and an opaque <c>next_page_token</c> that is only valid for
/// the same query and expires after 15 minutes.
/// </summary>
internal static class Paging
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 300;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    // A hand-made token may claim any issue time; beyond this DateTimeOffset.FromUnixTimeSeconds throws.
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static (int Offset, int PageSize) Read(HttpRequest request, string queryKey, DateTimeOffset now)
    {
        var pageSize = DefaultPageSize;
        var sizeText = request.Query["page_size"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            throw ZoomProblem.Validation("page_size", $"page_size must be an integer from 1 to {MaxPageSize}.");
        }

        var token = request.Query["next_page_token"].ToString();
        if (token.Length == 0)
        {
            return (0, pageSize);
        }

        // Token = base64url("offset|issuedUnixSeconds|queryKey").
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|', 3);
        }
        catch (FormatException)
        {
            parts = [];
        }

        if (parts.Length != 3 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued) ||
            issued > MaxUnixSeconds ||
            parts[2] != queryKey)
        {
            throw ZoomProblem.Validation("next_page_token", "next_page_token is not valid for this query.");
        }

        if (now - DateTimeOffset.FromUnixTimeSeconds(issued) > TokenLifetime)
        {
            throw ZoomProblem.Validation("next_page_token", "next_page_token has expired; start again from the first page.");
        }

        return (offset, pageSize);
    }

    public static JsonObject Page<T>(IReadOnlyList<T> all, int offset, int pageSize, string listName, Func<T, JsonNode> render, string queryKey, DateTimeOffset now)
    {
        var items = all.Skip(offset).Take(pageSize).Select(render).ToList();
        // long arithmetic: a hand-made token may carry an offset near int.MaxValue.
        var next = (long)offset + pageSize < all.Count
            ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset + pageSize}|{now.ToUnixTimeSeconds()}|{queryKey}")))
            : "";
        return new JsonObject
        {
            ["total_records"] = all.Count,
            ["page_size"] = pageSize,
            ["next_page_token"] = next,
            [listName] = ZoomJson.Array(items),
        };
    }
}
