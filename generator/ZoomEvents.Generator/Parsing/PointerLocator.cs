using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ZoomEvents.Generator.Diagnostics;

namespace ZoomEvents.Generator.Parsing;

/// <summary>
/// Maps positions reported by Microsoft.OpenApi (JSON pointers such as <c>#/paths/~1hubs/get</c>, or "line N, column M"
/// inside YAML/JSON syntax errors) to a line and column of the spec file, so diagnostics point into the file.
/// Runs only when there is something to report, so it favours simplicity over speed.
/// </summary>
internal sealed class PointerLocator
{
    private static readonly Regex YamlPosition = new(@"line (\d+), column (\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex JsonPosition = new(@"LineNumber: (\d+) \| BytePositionInLine: (\d+)", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly string _text;
    private readonly bool _isJson;
    private readonly List<int> _lineStarts = new();

    public PointerLocator(string path, string text, bool isJson)
    {
        _path = path;
        _text = text;
        _isJson = isJson;
        _lineStarts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') _lineStarts.Add(i + 1);
        }
    }

    /// <summary>Location for a reader message: explicit line/column in the text wins, then the pointer, then the file start.</summary>
    public LocationInfo Locate(string? pointer, string? message)
    {
        if (message is not null)
        {
            var yaml = YamlPosition.Match(message);
            if (yaml.Success) return At(Int(yaml.Groups[1].Value) - 1, Int(yaml.Groups[2].Value) - 1);
            var json = JsonPosition.Match(message);
            if (json.Success) return At(Int(json.Groups[1].Value), Int(json.Groups[2].Value));
        }
        if (string.IsNullOrEmpty(pointer)) return At(0, 0);
        var segments = SplitPointer(pointer!);
        try
        {
            return _isJson ? LocateJson(segments) : LocateYaml(segments);
        }
        catch (Exception)
        {
            // A locator bug must never hide the diagnostic itself.
            return At(0, 0);
        }
    }

    public LocationInfo At(int line, int column)
    {
        line = Math.Max(0, Math.Min(line, _lineStarts.Count - 1));
        var lineStart = _lineStarts[line];
        var lineEnd = line + 1 < _lineStarts.Count ? _lineStarts[line + 1] - 1 : _text.Length;
        column = Math.Max(0, Math.Min(column, lineEnd - lineStart));
        var start = lineStart + column;
        // Span to the end of the line: enough for the IDE to underline the offending key.
        var length = Math.Max(0, lineEnd - start);
        if (length > 0 && _text[start + length - 1] == '\r') length--;
        return new LocationInfo(_path, start, length, line, column, line, column + length);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static List<string> SplitPointer(string pointer)
    {
        var p = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        var result = new List<string>();
        foreach (var raw in p.Split('/'))
        {
            if (raw.Length == 0) continue;
            result.Add(Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~"));
        }
        return result;
    }

    // ---- YAML: walk block-style indentation. Flow-style nodes end the walk at the deepest key found. ----

    private LocationInfo LocateYaml(List<string> segments)
    {
        var lines = _text.Split('\n');
        int start = 0, end = lines.Length, firstCol = -1;
        int bestLine = 0, bestCol = 0;
        foreach (var segment in segments)
        {
            var childIndent = int.MaxValue;
            for (var i = start; i < end; i++)
            {
                var indent = i == start && firstCol >= 0 ? firstCol : Indent(lines[i]);
                if (indent >= 0) childIndent = Math.Min(childIndent, indent);
            }
            if (childIndent == int.MaxValue) break;
            var isIndex = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index);
            var found = -1;
            var count = 0;
            for (var i = start; i < end && found < 0; i++)
            {
                var indent = i == start && firstCol >= 0 ? firstCol : Indent(lines[i]);
                if (indent != childIndent) continue;
                var content = lines[i].Substring(indent).TrimEnd('\r');
                if (isIndex && content.StartsWith("-", StringComparison.Ordinal))
                {
                    if (count++ == index) found = i;
                }
                else if (!isIndex && IsKey(content, segment))
                {
                    found = i;
                }
            }
            if (found < 0) break;
            bestLine = found;
            bestCol = childIndent;
            var nextEnd = found + 1;
            while (nextEnd < end)
            {
                var indent = Indent(lines[nextEnd]);
                if (indent >= 0 && indent <= childIndent) break;
                nextEnd++;
            }
            start = found;
            end = nextEnd;
            // Inside a "- item" the item's keys start two columns right of the dash, on the dash's own line.
            var foundContent = lines[found].Substring(childIndent);
            if (isIndex)
            {
                var afterDash = 1;
                while (afterDash < foundContent.Length && foundContent[afterDash] == ' ') afterDash++;
                firstCol = childIndent + afterDash;
            }
            else
            {
                start = found + 1;
                firstCol = -1;
            }
        }
        return At(bestLine, bestCol);
    }

    /// <summary>Indentation of a line with content; -1 for blank and comment lines.</summary>
    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ') i++;
        if (i >= line.Length || line[i] == '\r' || line[i] == '#') return -1;
        return i;
    }

    private static bool IsKey(string content, string key)
    {
        foreach (var candidate in new[] { key, "\"" + key + "\"", "'" + key + "'" })
        {
            if (content.StartsWith(candidate, StringComparison.Ordinal))
            {
                var rest = content.Substring(candidate.Length).TrimStart(' ');
                if (rest.StartsWith(":", StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }

    // ---- JSON: follow the token stream, tracking the current pointer path. ----

    private LocationInfo LocateJson(List<string> segments)
    {
        var bytes = Encoding.UTF8.GetBytes(_text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();
        var arrayIndex = new List<int>();
        var containerIsArray = new List<bool>();
        long bestOffset = 0;
        var bestDepth = 0;
        string? pendingKey = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString();
                    var depthKey = path.Count; // path[0] is the root's empty segment
                    if (Matches(path, pendingKey!, segments) && depthKey > bestDepth)
                    {
                        bestDepth = depthKey;
                        bestOffset = reader.TokenStartIndex;
                        if (depthKey == segments.Count) return FromByteOffset(bytes, bestOffset);
                    }
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    path.Add(CurrentSegment(containerIsArray, arrayIndex, pendingKey));
                    containerIsArray.Add(reader.TokenType == JsonTokenType.StartArray);
                    arrayIndex.Add(-1);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    containerIsArray.RemoveAt(containerIsArray.Count - 1);
                    arrayIndex.RemoveAt(arrayIndex.Count - 1);
                    break;
                default:
                    CurrentSegment(containerIsArray, arrayIndex, pendingKey);
                    break;
            }
            pendingKey = null;
        }
        return FromByteOffset(bytes, bestOffset);
    }

    /// <summary>Segment naming the value about to start; advances the enclosing array's index.</summary>
    private static string CurrentSegment(List<bool> containerIsArray, List<int> arrayIndex, string? pendingKey)
    {
        if (containerIsArray.Count == 0) return "";
        var last = containerIsArray.Count - 1;
        if (!containerIsArray[last]) return pendingKey ?? "";
        arrayIndex[last]++;
        return arrayIndex[last].ToString(CultureInfo.InvariantCulture);
    }

    private static bool Matches(List<string> path, string key, List<string> segments)
    {
        // path[0] is the root's empty segment.
        var depth = path.Count;
        if (depth > segments.Count) return false;
        for (var i = 1; i < depth; i++)
        {
            if (path[i] != segments[i - 1]) return false;
        }
        return segments[depth - 1] == key;
    }

    private LocationInfo FromByteOffset(byte[] bytes, long byteOffset)
    {
        var charOffset = Encoding.UTF8.GetCharCount(bytes, 0, (int)byteOffset);
        var line = _lineStarts.BinarySearch(charOffset);
        if (line < 0) line = ~line - 1;
        return At(line, charOffset - _lineStarts[line]);
    }
}
