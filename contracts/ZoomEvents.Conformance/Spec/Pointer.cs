namespace ZoomEvents.Conformance.Spec;

/// <summary>RFC 6901 helpers; every location we report is a JSON pointer so tools can jump to it.</summary>
public static class Pointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Combine(params string[] segments) => string.Concat(segments.Select(s => "/" + Escape(s)));
}
