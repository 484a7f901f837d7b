using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>
/// Reads a JSON request body field by field, collecting every problem as a Zoom field error (path such as
/// <c>calendar[0].end_time</c>) so one 400 reports them all. Reading never throws for bad input except
/// <see cref="ThrowIfInvalid"/>, which raises the collected 400.
/// </summary>
internal sealed class RequestReader
{
    public const int MinYear = 1970;
    public const int MaxYear = 2999;

    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    // Duplicate member names are refused while parsing: JsonObject would otherwise throw ArgumentException on first use.
    private static readonly JsonDocumentOptions BodyParsing = new() { AllowDuplicateProperties = false };

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: BodyParsing, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw ZoomProblem.Validation("body", $"The request body is not valid JSON ({ex.Message.Split('.')[0]}).");
        }

        var body = node as JsonObject ?? throw ZoomProblem.Validation("body", "The request body must be a JSON object.");
        try
        {
            DecodeAll(body);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw ZoomProblem.Validation("body", "The request body has text that is not valid UTF-8 (or a lone surrogate escape such as \\ud800) or a repeated member name.");
        }

        return body;
    }

    // The parser checks structure but leaves names and strings undecoded until first read; reading them all here turns
    // invalid UTF-8 and lone surrogates into one 400 instead of an InvalidOperationException deep inside a handler.
    private static void DecodeAll(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    DecodeAll(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    DecodeAll(child);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void ThrowIfInvalid()
    {
        if (HasErrors)
        {
            throw ZoomProblem.Validation(_errors);
        }
    }

    public static string Path(string? prefix, string name) => string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";

    public string? String(JsonObject obj, string name, string? prefix = null, bool required = false, int? maxLength = null, bool nonEmpty = false)
    {
        var path = Path(prefix, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Add(path, $"{name} is required.");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            Add(path, $"{name} must be a string.");
            return null;
        }

        var value = node.GetValue<string>();
        if ((required || nonEmpty) && string.IsNullOrWhiteSpace(value))
        {
            Add(path, $"{name} must not be empty.");
            return null;
        }

        if (maxLength is { } max && value.Length > max)
        {
            Add(path, $"{name} must be at most {max} characters.");
            return null;
        }

        return value;
    }

    public string? Enum(JsonObject obj, string name, IReadOnlyCollection<string> allowed, string? prefix = null, bool required = false)
    {
        var value = String(obj, name, prefix, required);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(Path(prefix, name), $"'{value}' is not a valid {name}; use one of: {string.Join(", ", allowed)}.");
            return null;
        }

        return value;
    }

    public bool? Bool(JsonObject obj, string name, string? prefix = null)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Add(Path(prefix, name), $"{name} must be true or false.");
                return null;
        }
    }

    public int? Int(JsonObject obj, string name, string? prefix = null, bool required = false) =>
        IntNode(obj.TryGetPropertyValue(name, out var node) ? node : null, Path(prefix, name), name, required);

    // Integers may arrive as 3 or 3.0 (Zoom's spec types some counts as number); anything fractional is an error.
    private int? IntNode(JsonNode? node, string path, string name, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                Add(path, $"{name} is required.");
            }

            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node is JsonValue value && TryGetDecimal(value, out var number))
        {
            if (number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }
        }

        Add(path, $"{name} must be an integer.");
        return null;
    }

    private static bool TryGetDecimal(JsonValue value, out decimal number)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDecimal(out number);
        }

        return value.TryGetValue(out number) || (value.TryGetValue<int>(out var i) && (number = i) == i) || (value.TryGetValue<long>(out var l) && (number = l) == l);
    }

    public DateTimeOffset? Date(JsonObject obj, string name, string? prefix = null, bool required = false)
    {
        var text = String(obj, name, prefix, required);
        if (text is null)
        {
            return null;
        }

        // Zoom rejects local times and offsets; only UTC with a trailing Z is accepted (fractions are tolerated).
        if (text.EndsWith('Z') &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            // Far-off years are not events; refusing them also keeps later date arithmetic far from DateTime's limits.
            if (value.Year is < MinYear or > MaxYear)
            {
                Add(Path(prefix, name), $"{name} must be between the years {MinYear} and {MaxYear}.");
                return null;
            }

            return new DateTimeOffset(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }

        Add(Path(prefix, name), $"{name} must be a UTC date-time such as 2026-01-07T13:00:00Z.");
        return null;
    }

    public JsonObject? Object(JsonObject obj, string name, string? prefix = null, bool required = false)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Add(Path(prefix, name), $"{name} is required.");
            }

            return null;
        }

        if (node is JsonObject child)
        {
            return child;
        }

        Add(Path(prefix, name), $"{name} must be an object.");
        return null;
    }

    public JsonArray? Array(JsonObject obj, string name, string? prefix = null, bool required = false, int? maxItems = null)
    {
        var path = Path(prefix, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                Add(path, $"{name} is required.");
            }

            return null;
        }

        if (node is not JsonArray array)
        {
            Add(path, $"{name} must be an array.");
            return null;
        }

        if (maxItems is { } max && array.Count > max)
        {
            Add(path, $"{name} must have at most {max} items.");
            return null;
        }

        return array;
    }

    public List<string>? Strings(JsonObject obj, string name, string? prefix = null, int? maxItems = null, Func<string, bool>? isValid = null, string? invalidMessage = null)
    {
        var array = Array(obj, name, prefix, maxItems: maxItems);
        if (array is null)
        {
            return null;
        }

        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var path = $"{Path(prefix, name)}[{i}]";
            if (item is null || item.GetValueKind() != JsonValueKind.String)
            {
                Add(path, "Must be a string.");
                continue;
            }

            var value = item.GetValue<string>();
            if (isValid is not null && !isValid(value))
            {
                Add(path, invalidMessage ?? $"'{value}' is not allowed.");
                continue;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>An array of integers, a single integer, or a comma-separated string such as "2,6" (Zoom uses all three).</summary>
    public List<int>? IntList(JsonObject obj, string name, string? prefix = null)
    {
        var path = Path(prefix, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        switch (node)
        {
            case JsonArray array:
                var values = new List<int>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    if (IntNode(array[i], $"{path}[{i}]", name, required: true) is { } value)
                    {
                        values.Add(value);
                    }
                }

                return values;
            case JsonValue when node.GetValueKind() == JsonValueKind.String:
                var parts = node.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var parsed = new List<int>(parts.Length);
                foreach (var part in parts)
                {
                    if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                    {
                        Add(path, $"{name} must be integers, as an array or a comma-separated string.");
                        return null;
                    }

                    parsed.Add(value);
                }

                return parsed;
            default:
                return IntNode(node, path, name, required: true) is { } single ? [single] : null;
        }
    }
}
