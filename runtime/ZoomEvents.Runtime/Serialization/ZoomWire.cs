using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ZoomEvents.Runtime.Serialization;

/// <summary>
/// Wire-format helpers for generated converters: Zoom's UTC date-time format and tolerant readers for
/// the places where Zoom's actual payloads differ from its spec (numbers as <c>1.0</c> or <c>"1"</c>,
/// <c>weekly_days</c> as an array or a comma-separated string).
/// </summary>
public static class ZoomWire
{
    /// <summary>The only date-time format the Events API accepts: UTC, whole seconds, <c>Z</c>.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Formats <paramref name="value"/> as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c> (sub-seconds are dropped).</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="value"/> as a JSON string in UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(FormatDateTime(value));
    }

    /// <summary>
    /// Parses a date-time string. Values with an offset are honoured; values without one are taken as UTC
    /// (Zoom's convention). The result is normalised to offset zero.
    /// </summary>
    /// <exception cref="FormatException">The text is not a date-time; the message quotes it.</exception>
    public static DateTimeOffset ParseDateTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        throw new FormatException($"'{text}' is not a date-time (expected e.g. 2025-12-12T13:00:00Z).");
    }

    /// <summary>Reads the current string token as a date-time (see <see cref="ParseDateTime"/>).</summary>
    /// <exception cref="JsonException">The token is not a string holding a date-time.</exception>
    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string but found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        try
        {
            return ParseDateTime(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <summary>Reads an int from a number (<c>3</c>, <c>3.0</c>) or a numeric string (<c>"3"</c>).</summary>
    /// <exception cref="JsonException">Not a whole number within range.</exception>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        var value = ReadWholeNumber(ref reader, int.MinValue, int.MaxValue, "Int32");
        return (int)value;
    }

    /// <summary>Reads a long from a number (<c>3</c>, <c>3.0</c>) or a numeric string (<c>"3"</c>).</summary>
    /// <exception cref="JsonException">Not a whole number within range.</exception>
    public static long ReadInt64(ref Utf8JsonReader reader) => ReadWholeNumber(ref reader, long.MinValue, long.MaxValue, "Int64");

    /// <summary>Reads a double from a number or a numeric string.</summary>
    /// <exception cref="JsonException">Not a number.</exception>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return d;
                }

                throw new JsonException($"Expected a number but found the string '{text}'.");
            default:
                throw new JsonException($"Expected a number but found {reader.TokenType}.");
        }
    }

    /// <summary>Reads a bool from <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c> or the strings <c>"true"</c>/<c>"false"</c>/<c>"1"</c>/<c>"0"</c>.</summary>
    /// <exception cref="JsonException">Anything else.</exception>
    public static bool ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetDouble(out var n) && (n == 0 || n == 1):
                return n == 1;
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (bool.TryParse(text, out var b))
                {
                    return b;
                }

                if (text == "1" || text == "0")
                {
                    return text == "1";
                }

                throw new JsonException($"Expected a boolean but found the string '{text}'.");
            default:
                throw new JsonException($"Expected a boolean but found {reader.TokenType}.");
        }
    }

    /// <summary>
    /// Reads a list of ints given as a JSON array (<c>[2,6]</c>, elements read tolerantly) or as a
    /// comma-separated string (<c>"2,6"</c>, as Zoom sends <c>weekly_days</c>). An empty string gives an empty list.
    /// </summary>
    /// <exception cref="JsonException">An element is not a whole number.</exception>
    public static IReadOnlyList<int> ReadInt32ListOrCsv(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var list = new List<int>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadInt32(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return ParseInt32Csv(reader.GetString()!);
            case JsonTokenType.Number:
                return [ReadInt32(ref reader)];
            default:
                throw new JsonException($"Expected an array of integers or a comma-separated string but found {reader.TokenType}.");
        }
    }

    /// <summary>Parses <c>"2,6"</c> (spaces allowed) into <c>[2, 6]</c>.</summary>
    /// <exception cref="JsonException">An element is not an integer.</exception>
    public static IReadOnlyList<int> ParseInt32Csv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                throw new JsonException($"'{part}' in the list '{text}' is not an integer.");
            }

            result.Add(value);
        }

        return result;
    }

    /// <summary>Writes <paramref name="values"/> as a comma-separated string (<c>"2,6"</c>), the form Zoom documents for <c>weekly_days</c>.</summary>
    public static void WriteInt32Csv(Utf8JsonWriter writer, IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStringValue(string.Join(",", values.Select(static v => v.ToString(CultureInfo.InvariantCulture))));
    }

    private static long ReadWholeNumber(ref Utf8JsonReader reader, long min, long max, string typeName)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l))
                {
                    return CheckRange(l, min, max, typeName);
                }

                // "1.0" or "3e2": accept when it is a whole number (Zoom serialises some counts as doubles).
                if (reader.TryGetDecimal(out var m) && decimal.Truncate(m) == m && m >= min && m <= max)
                {
                    return (long)m;
                }

                throw new JsonException($"Expected a whole {typeName} but found {FormatRaw(ref reader)}.");
            case JsonTokenType.String:
                var text = reader.GetString()!.Trim();
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
                {
                    return CheckRange(s, min, max, typeName);
                }

                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var sd)
                    && decimal.Truncate(sd) == sd && sd >= min && sd <= max)
                {
                    return (long)sd;
                }

                throw new JsonException($"Expected a whole {typeName} but found the string '{text}'.");
            default:
                throw new JsonException($"Expected a whole {typeName} but found {reader.TokenType}.");
        }
    }

    private static long CheckRange(long value, long min, long max, string typeName) =>
        value < min || value > max
            ? throw new JsonException($"{value.ToString(CultureInfo.InvariantCulture)} is out of range for {typeName}.")
            : value;

    private static string FormatRaw(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
}
