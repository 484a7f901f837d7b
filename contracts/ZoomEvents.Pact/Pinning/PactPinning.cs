using System.Text;
using System.Text.Json.Nodes;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact.Pinning;

/// <summary>
/// Keeps committed ("pinned") pact files honest: a test fails when what it produces differs from the pinned pact, and
/// an explicit refresh rewrites the pins so the change shows up as a reviewed diff.
/// </summary>
/// <remarks>
/// Refresh on purpose with <c>PACT_PINS_UPDATE=1 dotnet test …</c>. To also drop interactions no test produces any
/// more, delete the pinned file first. Pinned files are written canonically (sorted keys and interactions, '\n').
/// </remarks>
public static class PactPinning
{
    /// <summary>Environment variable that switches every pin check into "rewrite the pin" mode (<c>1</c> or <c>true</c>).</summary>
    public const string UpdateVariable = "PACT_PINS_UPDATE";

    /// <summary>True when <see cref="UpdateVariable"/> asks for a refresh.</summary>
    public static bool UpdateRequested =>
        Environment.GetEnvironmentVariable(UpdateVariable)?.Trim().ToLowerInvariant() is "1" or "true" or "yes";

    /// <summary>
    /// Whole-file check: fails unless <paramref name="producedFile"/> is equivalent to <paramref name="pinnedFile"/>
    /// (see <see cref="PactFiles.Compare(JsonObject, JsonObject)"/>). In update mode it rewrites the pin instead.
    /// </summary>
    public static void AssertMatchesPinned(string producedFile, string pinnedFile, bool? update = null)
    {
        var produced = PactFiles.Read(producedFile);
        if (update ?? UpdateRequested)
        {
            PactFiles.WriteCanonical(produced, pinnedFile);
            return;
        }
        if (!File.Exists(pinnedFile))
        {
            throw new PactPinningException($"There is no pinned pact at {pinnedFile}. {RefreshHint}", []);
        }
        var comparison = PactFiles.Compare(PactFiles.Read(pinnedFile), produced);
        if (!comparison.AreEquivalent)
        {
            throw new PactPinningException(
                $"The pact produced at {producedFile} differs from the pinned {pinnedFile}:", comparison.Differences);
        }
    }

    /// <summary>
    /// Per-test check used by <see cref="PactV4"/> when <see cref="PactConfig.PinnedPactDir"/> is set: each interaction
    /// the test produced must equal the pinned interaction with the same identity. Independent of test order and
    /// parallelism, because it never needs the other tests' interactions.
    /// </summary>
    internal static async Task CheckOrUpdateAsync(PactSafeHandle pact, string consumer, string provider, PactConfig config)
    {
        var pinnedFile = Path.Combine(Path.GetFullPath(config.PinnedPactDir!), PactFileWriter.FileName(consumer, provider));
        var produced = PactFileWriter.Snapshot(pact, consumer, provider);
        if (config.UpdatePins ?? UpdateRequested)
        {
            await PactFileWriter.WithExclusiveAccessAsync(pinnedFile, config.FileLockTimeout, () => Merge(produced, pinnedFile)).ConfigureAwait(false);
            config.Output?.Invoke($"pact: pinned interactions updated in {pinnedFile}");
            return;
        }
        if (!File.Exists(pinnedFile))
        {
            throw new PactPinningException($"There is no pinned pact at {pinnedFile}. {RefreshHint}", []);
        }
        var pinned = PactFiles.ByIdentity(PactFiles.Read(pinnedFile));
        var differences = new List<string>();
        foreach (var (identity, interaction) in PactFiles.ByIdentity(produced))
        {
            if (!pinned.TryGetValue(identity, out var expected))
            {
                differences.Add($"interaction {identity}: new (not in the pinned pact)");
                continue;
            }
            var single = PactFiles.Compare(Wrap(expected), Wrap(interaction));
            differences.AddRange(single.Differences);
        }
        if (differences.Count > 0)
        {
            throw new PactPinningException($"The interactions this test produced differ from the pinned {pinnedFile}:", differences);
        }
    }

    internal const string RefreshHint =
        "If the change is intended, refresh the pins with `" + UpdateVariable + "=1 dotnet test <test project>` and review the diff.";

    private static JsonObject Wrap(JsonNode interaction) => new() { ["interactions"] = new JsonArray(interaction.DeepClone()) };

    // Replace-or-add by identity; the produced file supplies consumer, provider and metadata.
    private static void Merge(JsonObject produced, string pinnedFile)
    {
        var merged = (JsonObject)produced.DeepClone();
        var byIdentity = File.Exists(pinnedFile) ? PactFiles.ByIdentity(PactFiles.Read(pinnedFile)) : [];
        foreach (var (identity, interaction) in PactFiles.ByIdentity(produced))
        {
            byIdentity[identity] = interaction;
        }
        merged["interactions"] = new JsonArray(byIdentity.Values.Select(i => i.DeepClone()).ToArray());
        PactFiles.WriteCanonical(merged, pinnedFile);
    }
}

/// <summary>A produced pact differs from the pinned one. The message lists each difference and how to refresh.</summary>
public sealed class PactPinningException : PactException
{
    internal PactPinningException(string headline, IReadOnlyList<string> differences)
        : base(Build(headline, differences))
    {
        Differences = differences;
    }

    /// <summary>Each difference, naming the interaction and JSON path.</summary>
    public IReadOnlyList<string> Differences { get; }

    private static string Build(string headline, IReadOnlyList<string> differences)
    {
        var text = new StringBuilder(headline);
        foreach (var difference in differences)
        {
            text.AppendLine().Append("  - ").Append(difference);
        }
        if (differences.Count > 0)
        {
            text.AppendLine().Append(PactPinning.RefreshHint);
        }
        return text.ToString();
    }
}
