using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomEvents.Conformance.Diff;

/// <summary>One difference between two versions of the spec, judged from the point of view of a client generated from the old one.</summary>
/// <param name="Breaking">True when code generated from (or written against) the old spec may stop compiling or working.</param>
/// <param name="Rule">Stable kebab-case identifier of the kind of change, e.g. <c>property-removed</c>.</param>
/// <param name="Pointer">JSON pointer into the new spec (into the old one for removals).</param>
public sealed record SpecChange(bool Breaking, string Rule, string Pointer, string Message)
{
    public override string ToString() => $"{(Breaking ? "BREAKING" : "non-breaking")} {Rule} at {Pointer}: {Message}";
}

/// <summary>All differences between two spec versions.</summary>
public sealed record SpecDiffReport(string OldSource, string NewSource, IReadOnlyList<SpecChange> Changes)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IEnumerable<SpecChange> BreakingChanges => Changes.Where(c => c.Breaking);

    public bool HasBreakingChanges => Changes.Any(c => c.Breaking);

    public override string ToString()
    {
        var breaking = Changes.Count(c => c.Breaking);
        var text = new StringBuilder()
            .Append("Compared ").Append(OldSource).Append(" -> ").Append(NewSource).Append(": ")
            .Append(breaking).Append(" breaking, ").Append(Changes.Count - breaking).Append(" non-breaking change(s)");
        foreach (var change in Changes.OrderByDescending(c => c.Breaking).ThenBy(c => c.Pointer, StringComparer.Ordinal))
        {
            text.AppendLine().Append("  ").Append(change);
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            Old = OldSource,
            New = NewSource,
            Breaking = Changes.Count(c => c.Breaking),
            NonBreaking = Changes.Count(c => !c.Breaking),
            Changes = Changes.Select(c => new { Classification = c.Breaking ? "breaking" : "non-breaking", c.Rule, c.Pointer, c.Message }),
        },
        JsonOptions);
}
