using System.Collections.Generic;
using System.Text;

namespace ZoomEvents.Generator.Parsing;

/// <summary>
/// Turns spec strings (JSON names, operationIds, enum values, titles) into safe C# identifiers. Only ASCII letters and
/// digits survive: everything else separates words, so no spec text can smuggle syntax into generated code.
/// </summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // Contextual keywords that break code in some positions.
        "value", "var", "dynamic", "await", "async", "nameof", "record", "required", "file", "scoped", "field",
    };

    /// <summary>Splits into words at punctuation and lower→upper case changes; keeps digits with their word.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        char previous = '\0';
        foreach (var c in text!)
        {
            var isAsciiLetterOrDigit = c < 128 && char.IsLetterOrDigit(c);
            if (!isAsciiLetterOrDigit)
            {
                Flush();
            }
            else
            {
                if (current.Length > 0 && char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous))) Flush();
                current.Append(c);
            }
            previous = c;
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary><c>event_id</c> → <c>EventId</c>, <c>SIMPLE_EVENT</c> → <c>SimpleEvent</c>, <c>getHubList</c> → <c>GetHubList</c>.</summary>
    public static string Pascal(string? text, string fallback = "Value")
    {
        var sb = new StringBuilder();
        foreach (var word in Words(text))
        {
            // All-caps words (SIMPLE_EVENT, URL) read better title-cased; mixed-case words keep their inner capitals.
            var allUpper = word.Length > 1 && IsAllUpperOrDigit(word);
            sb.Append(char.ToUpperInvariant(word[0]));
            sb.Append(allUpper ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }
        if (sb.Length == 0) sb.Append(fallback);
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>camelCase for parameters and locals; C# keywords get an <c>@</c> prefix.</summary>
    public static string Camel(string? text, string fallback = "value")
    {
        var pascal = Pascal(text, fallback);
        if (pascal[0] == '_') return pascal;
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    private static bool IsAllUpperOrDigit(string word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            hasLetter |= char.IsLetter(c);
        }
        return hasLetter;
    }

    /// <summary>Valid dotted namespace (ASCII identifiers, not keywords).</summary>
    public static bool IsValidNamespace(string value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        foreach (var part in value.Split('.'))
        {
            if (!IsValidIdentifier(part)) return false;
        }
        return true;
    }

    public static bool IsValidIdentifier(string value)
    {
        if (string.IsNullOrEmpty(value) || Keywords.Contains(value)) return false;
        if (!(char.IsLetter(value[0]) || value[0] == '_') || value[0] > 127) return false;
        foreach (var c in value)
        {
            if (c > 127 || !(char.IsLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }
}

/// <summary>
/// Hands out unique names deterministically: the first claimant gets the plain name, later ones a numeric suffix.
/// Case-insensitive so generated hint names (file names) never collide on case-insensitive file systems.
/// </summary>
internal sealed class NameTable
{
    private readonly HashSet<string> _taken = new(System.StringComparer.OrdinalIgnoreCase);

    public bool IsTaken(string name) => _taken.Contains(name);

    public void Reserve(string name) => _taken.Add(name);

    public void Release(string name) => _taken.Remove(name);

    /// <summary>Claims <paramref name="wanted"/> or the first free <c>wanted2</c>, <c>wanted3</c>, …</summary>
    public string Claim(string wanted)
    {
        var name = wanted;
        for (var i = 2; _taken.Contains(name); i++) name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _taken.Add(name);
        return name;
    }
}
