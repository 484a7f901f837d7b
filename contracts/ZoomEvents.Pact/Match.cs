using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoomEvents.Pact;

/// <summary>
/// Matchers for bodies, paths, query and header values (V4 semantics). Each returns a <see cref="Matcher"/> whose example
/// is what the mock server answers or expects, and whose rule is what the provider is later verified against.
/// </summary>
public static class Match
{
    /// <summary>Java SimpleDateFormat pattern of Zoom's UTC timestamps (<c>2026-03-01T10:00:00Z</c>).</summary>
    public const string UtcDateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Any value of the same JSON type as <paramref name="example"/> (objects: recursively, by key).</summary>
    public static Matcher Type(object? example) => Create("type", example);

    /// <summary>Alias of <see cref="Type"/>, as PactNet and pact-js call it.</summary>
    public static Matcher Like(object? example) => Type(example);

    /// <summary>An array of at least <paramref name="min"/> elements, each shaped like <paramref name="example"/>.</summary>
    /// <remarks>
    /// The example array holds <paramref name="min"/> copies, so the mock server's answer honours the rule too
    /// (pact-net #522); matchers inside the example are recorded once, for <c>[*]</c>.
    /// </remarks>
    public static Matcher EachLike(object? example, int min = 1)
    {
        // min 0 would let an empty provider array pass, which verifies nothing about the element shape.
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        return new Matcher("type", example, hasExample: true, [new("min", min)], repeat: min);
    }

    /// <summary>An array of at least <paramref name="min"/> values matching <paramref name="example"/>'s type (example is the array itself).</summary>
    public static Matcher MinType(IEnumerable<object?> example, int min)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        var items = RequireCount(example, min, max: null);
        return Create("type", items, ("min", min));
    }

    /// <summary>An array of at most <paramref name="max"/> values matching the example's element type.</summary>
    public static Matcher MaxType(IEnumerable<object?> example, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var items = RequireCount(example, 1, max);
        return Create("type", items, ("max", max));
    }

    /// <summary>A string matching <paramref name="regex"/> (Rust regex syntax); the example must match it.</summary>
    public static Matcher Regex(string example, string regex)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentException.ThrowIfNullOrEmpty(regex);
        // .NET and Rust regexes agree on the usual subset; checking here catches a typo before the provider does.
        if (!System.Text.RegularExpressions.Regex.IsMatch(example, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            throw new ArgumentException($"Example '{example}' does not match the regex '{regex}'.", nameof(example));
        }
        return Create("regex", example, ("regex", regex));
    }

    /// <summary>Any integer (no fraction).</summary>
    public static Matcher Integer(long example = 1) => Create("integer", example);

    /// <summary>Any number with a fractional part (the engine's <c>decimal</c>).</summary>
    /// <remarks>A whole example such as 2.0 is written as <c>2.0</c>: the engine reads <c>2</c> as an integer and its own
    /// decimal matcher would then reject the example the mock server answers.</remarks>
    public static Matcher Decimal(double example = 1.5)
    {
        if (!double.IsFinite(example))
        {
            throw new ArgumentOutOfRangeException(nameof(example), example, "A JSON number must be finite.");
        }

        return Create("decimal", FractionalNumber(example.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>Any number with a fractional part (the engine's <c>decimal</c>); whole examples are written as <c>2.0</c>.</summary>
    public static Matcher Decimal(decimal example) => Create("decimal", FractionalNumber(example.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Any JSON number.</summary>
    public static Matcher Number(double example) => Create("number", example);

    /// <summary>Any boolean.</summary>
    public static Matcher Boolean(bool example = true) => Create("boolean", example);

    /// <summary>The instant behind generated date-time examples: fixed, so pinned pact files do not change between runs.</summary>
    public static readonly DateTimeOffset GeneratedExampleInstant = new(2026, 3, 1, 14, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// A date-time string in <paramref name="format"/> (Java SimpleDateFormat, e.g. <see cref="UtcDateTimeFormat"/>).
    /// Without an example, the example is <see cref="GeneratedExampleInstant"/> in that format and the mock server
    /// generates the current time in that format instead.
    /// </summary>
    public static Matcher DateTime(string format, string? example = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        return example is null
            ? Create("datetime", JavaDateFormat.Format(format, GeneratedExampleInstant), ("format", format), ("pact:generator:type", "DateTime"))
            : Create("datetime", example, ("format", format));
    }

    /// <summary>A UTC <c>yyyy-MM-ddTHH:mm:ssZ</c> timestamp with <paramref name="example"/> as the example.</summary>
    public static Matcher DateTime(DateTimeOffset example) =>
        Create("datetime", example.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ("format", UtcDateTimeFormat));

    /// <summary>A date string in <paramref name="format"/> (Java SimpleDateFormat, e.g. <c>yyyy-MM-dd</c>).</summary>
    public static Matcher Date(string format, string example)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        return Create("date", example, ("format", format));
    }

    /// <summary>Exactly <paramref name="example"/>; resets an enclosing <see cref="Type"/> matcher for this value.</summary>
    public static Matcher Equality(object? example) => Create("equality", example);

    /// <summary>A string containing <paramref name="substring"/>.</summary>
    public static Matcher Includes(string substring)
    {
        ArgumentException.ThrowIfNullOrEmpty(substring);
        return Create("include", substring);
    }

    /// <summary>Alias of <see cref="Includes"/> (PactNet's name).</summary>
    public static Matcher Include(string substring) => Includes(substring);

    /// <summary>JSON null.</summary>
    public static Matcher Null() => new("null", null, hasExample: false, []);

    /// <summary>A non-empty value of the example's type (string, array or object).</summary>
    public static Matcher NotEmpty(object example) => Create("notEmpty", example);

    private static Matcher Create(string type, object? example, params (string Name, object Value)[] attributes) =>
        new(type, example, hasExample: true, attributes.Select(a => new KeyValuePair<string, JsonNode?>(a.Name, ToNode(a.Value))).ToArray());

    private static JsonNode ToNode(object value) => value switch
    {
        int i => JsonValue.Create(i),
        string s => JsonValue.Create(s),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "Matcher attributes are ints or strings."),
    };

    /// <summary>A JSON number whose text always shows a fraction or an exponent, so a parser keeps it a float.</summary>
    private static JsonNode FractionalNumber(string invariantText)
    {
        var text = invariantText.AsSpan().IndexOfAny(".eE") >= 0 ? invariantText : invariantText + ".0";
        // Parsed rather than created from a double so the exact text is what gets written.
        return JsonNode.Parse(text)!;
    }

    private static object?[] RequireCount(IEnumerable<object?> example, int min, int? max)
    {
        ArgumentNullException.ThrowIfNull(example);
        var items = example.ToArray();
        if (items.Length < min || (max is { } m && items.Length > m))
        {
            throw new ArgumentException(
                $"The example array has {items.Length} element(s), outside the rule's bounds (min {min}{(max is null ? "" : $", max {max}")}).",
                nameof(example));
        }
        return items;
    }
}
