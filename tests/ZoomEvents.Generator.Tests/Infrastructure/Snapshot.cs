using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace ZoomEvents.Generator.Tests.Infrastructure;

/// <summary>
/// Checked-in baselines of generated code under Snapshots/. Set UPDATE_SNAPSHOTS=1 to rewrite them; otherwise a
/// mismatch fails with a line diff of the first differences.
/// </summary>
internal static class Snapshot
{
    public static string Render(GeneratorRunResult result)
    {
        var sb = new StringBuilder();
        foreach (var source in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            sb.Append("//// ").Append(source.HintName).Append('\n');
            sb.Append(source.SourceText.ToString().TrimStart('\uFEFF').Replace("\r\n", "\n"));
            sb.Append('\n');
        }
        sb.Append("//// diagnostics\n");
        foreach (var d in result.Diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = d.Location.GetLineSpan();
            sb.Append(d.Id).Append(' ').Append(Path.GetFileName(span.Path)).Append('(').Append(span.StartLinePosition.Line + 1).Append(',')
                .Append(span.StartLinePosition.Character + 1).Append("): ").Append(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }

    public static void Match(string name, string actual)
    {
        var directory = Path.Combine(RepoPaths.Root, "tests", "ZoomEvents.Generator.Tests", "Snapshots");
        var path = Path.Combine(directory, name + ".verified.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
        {
            throw new XunitException($"No baseline {path}. Run the tests with UPDATE_SNAPSHOTS=1 to create it, then review and commit it.");
        }
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        throw new XunitException($"Generated code differs from {path} (UPDATE_SNAPSHOTS=1 rewrites it):\n{Diff(expected, actual)}");
    }

    /// <summary>A compact unified-style diff: the first differing hunks with two lines of context.</summary>
    public static string Diff(string expected, string actual, int maxHunks = 5)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var sb = new StringBuilder();
        int i = 0, j = 0, hunks = 0;
        while ((i < a.Length || j < b.Length) && hunks < maxHunks)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }
            // Find the nearest resynchronisation point within a small window.
            var (di, dj) = Resync(a, b, i, j);
            sb.Append("@@ expected line ").Append(i + 1).Append(", actual line ").Append(j + 1).Append(" @@\n");
            for (var k = Math.Max(0, i - 2); k < i; k++) sb.Append("  ").Append(a[k]).Append('\n');
            for (var k = i; k < i + di && k < a.Length; k++) sb.Append("- ").Append(a[k]).Append('\n');
            for (var k = j; k < j + dj && k < b.Length; k++) sb.Append("+ ").Append(b[k]).Append('\n');
            i += di;
            j += dj;
            hunks++;
        }
        if (hunks == maxHunks) sb.Append("… (more differences)\n");
        return sb.ToString();
    }

    private static (int, int) Resync(string[] a, string[] b, int i, int j)
    {
        const int window = 60;
        for (var distance = 1; distance <= window * 2; distance++)
        {
            for (var di = 0; di <= distance; di++)
            {
                var dj = distance - di;
                if (i + di < a.Length && j + dj < b.Length && a[i + di] == b[j + dj]) return (di, dj);
                if (i + di >= a.Length && j + dj >= b.Length) return (di, dj);
            }
        }
        return (Math.Min(window, a.Length - i), Math.Min(window, b.Length - j));
    }
}
