using System.Globalization;
using System.Text;

namespace ZoomEvents.Pact;

/// <summary>
/// Formats an instant with a Java <c>SimpleDateFormat</c> pattern, the pattern language the engine's date/time matchers
/// use. Needed so a date-time matcher declared without an example still writes a concrete example value: a null example
/// makes the mock server answer null and pins nothing readable in the pact file.
/// </summary>
internal static class JavaDateFormat
{
    /// <summary>
    /// Formats <paramref name="instant"/> (taken as UTC) with <paramref name="pattern"/>. Pattern letters that have no fixed
    /// meaning without a calendar locale (week-of-year and the like), or that the engine cannot parse back (full zone
    /// names), are refused with a message asking for an explicit example.
    /// </summary>
    public static string Format(string pattern, DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var text = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                i = AppendQuoted(pattern, i, text);
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                text.Append(c);
                i++;
                continue;
            }

            var count = 1;
            while (i + count < pattern.Length && pattern[i + count] == c)
            {
                count++;
            }

            text.Append(Field(pattern, c, count, utc));
            i += count;
        }

        return text.ToString();
    }

    private static string Field(string pattern, char letter, int count, DateTimeOffset utc)
    {
        var invariant = CultureInfo.InvariantCulture;
        return letter switch
        {
            'G' => "AD",
            'y' or 'Y' => count == 2 ? Pad(utc.Year % 100, 2) : Pad(utc.Year, count),
            'M' or 'L' => count switch
            {
                1 or 2 => Pad(utc.Month, count),
                3 => utc.ToString("MMM", invariant),
                _ => utc.ToString("MMMM", invariant),
            },
            'd' => Pad(utc.Day, count),
            'D' => Pad(utc.DayOfYear, count),
            'E' => count <= 3 ? utc.ToString("ddd", invariant) : utc.ToString("dddd", invariant),
            'u' => Pad(utc.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)utc.DayOfWeek, count),
            'F' => Pad(((utc.Day - 1) / 7) + 1, count),
            'a' => utc.Hour < 12 ? "AM" : "PM",
            'H' => Pad(utc.Hour, count),
            'k' => Pad(utc.Hour == 0 ? 24 : utc.Hour, count),
            'K' => Pad(utc.Hour % 12, count),
            'h' => Pad(utc.Hour % 12 == 0 ? 12 : utc.Hour % 12, count),
            'm' => Pad(utc.Minute, count),
            's' => Pad(utc.Second, count),
            'S' => Pad(utc.Millisecond, count),
            // Java would print "UTC", but the engine's parser only knows zone abbreviations like "GMT" (same offset);
            // full zone names ("zzzz") it refuses outright, so those fall through to the error below.
            'z' when count < 4 => "GMT",
            'Z' => "+0000",
            'X' => "Z",
            _ => throw new ArgumentException(
                $"The date-time pattern '{pattern}' uses '{new string(letter, count)}', which this toolkit cannot render as an example the engine accepts; "
                + "pass an explicit example.", nameof(pattern)),
        };
    }

    private static string Pad(int value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>Appends a quoted literal (<c>'T'</c>, or <c>''</c> for one quote) and returns the index after it.</summary>
    private static int AppendQuoted(string pattern, int start, StringBuilder text)
    {
        if (start + 1 < pattern.Length && pattern[start + 1] == '\'')
        {
            text.Append('\'');
            return start + 2;
        }

        var i = start + 1;
        while (i < pattern.Length)
        {
            if (pattern[i] == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
                {
                    text.Append('\'');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            text.Append(pattern[i]);
            i++;
        }

        throw new ArgumentException($"The date-time pattern '{pattern}' has an unterminated quote.", nameof(pattern));
    }
}
