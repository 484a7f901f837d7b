using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Infrastructure;

namespace ZoomEvents.Sandbox.ProviderStates;

/// <summary>
/// The <c>params</c> of a provider-state request. Pact tools send them as JSON values of any type, so strings,
/// numbers and (for lists) arrays or comma-separated strings are all accepted; a bad value is a 400 naming the param.
/// </summary>
internal sealed class StateParams(JsonObject? raw)
{
    public string? String(string name)
    {
        if (raw is null || !raw.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
            _ => throw Bad(name, "must be a string."),
        };
    }

    // Ids end up in URLs, so they must be URL-safe like Zoom's.
    public string? Id(string name)
    {
        var value = String(name);
        if (value is not null && !SandboxIds.IsUrlSafe(value))
        {
            throw Bad(name, "must be 1–64 characters of A–Z, a–z, 0–9, '-' or '_'.");
        }

        return value;
    }

    public List<string>? Ids(string name)
    {
        if (raw is null || !raw.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        var values = node switch
        {
            JsonArray array => array.Select(item => item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : throw Bad(name, "must be an array of strings.")).ToList(),
            _ when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            _ => throw Bad(name, "must be an array of strings or a comma-separated string."),
        };
        if (values.Any(v => !SandboxIds.IsUrlSafe(v)))
        {
            throw Bad(name, "must contain URL-safe ids only.");
        }

        // A repeated id would give two sessions one id, and lookups by it would find only the first.
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            throw Bad(name, "must not repeat an id.");
        }

        return values;
    }

    public int? Int(string name, int min, int max)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad(name, $"must be an integer from {min} to {max}.");
    }

    public DateTimeOffset? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return text.EndsWith('Z') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var value) &&
            value.Year is >= RequestReader.MinYear and <= RequestReader.MaxYear
            ? value
            : throw Bad(name, "must be a UTC date-time such as 2026-01-07T13:00:00Z.");
    }

    /// <summary>
    /// Runs one of the API's own parsers or domain rules on values taken from params, so a state accepts exactly what
    /// the API would; field errors are renamed to the params they came from (<paramref name="fields"/>: API field → param).
    /// </summary>
    public static T Checked<T>(Func<T> parse, params (string Field, string Param)[] fields)
    {
        try
        {
            return parse();
        }
        catch (ZoomProblem problem) when (problem.Errors is { Count: > 0 } errors)
        {
            throw ZoomProblem.Validation([.. errors.Select(e =>
                fields.FirstOrDefault(f => f.Field == e.Field) is { Param: { } param } ? new FieldError($"params.{param}", e.Message) : e)]);
        }
    }

    /// <summary>Refuses the same id given for two params: the second setup would silently replace the first entity.</summary>
    public void RequireDistinct(params string[] names)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (Id(name) is not { } id)
            {
                continue;
            }

            if (!seen.TryAdd(id, name))
            {
                throw Bad(name, $"must differ from {seen[id]}; both are '{id}'.");
            }
        }
    }

    private static ZoomProblem Bad(string name, string message) => ZoomProblem.Validation($"params.{name}", $"{name} {message}");
}
