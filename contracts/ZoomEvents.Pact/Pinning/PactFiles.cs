using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEvents.Pact.Pinning;

/// <summary>
/// Reading, normalising and comparing pact files. Comparison ignores what legitimately changes between runs
/// (engine and toolkit versions in <c>metadata</c>, the order of interactions and of object keys) and reports every
/// other difference by interaction and JSON path.
/// </summary>
public static class PactFiles
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep non-ASCII and characters like ' or + readable in committed files.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> ResetDirectories = new(StringComparer.Ordinal);

    /// <summary>
    /// Deletes the pact files (<c>*.json</c>) in <paramref name="directory"/> the first time it is called for that folder in
    /// this process, and returns the full path. Merge mode keeps interactions from earlier runs otherwise; call it from every
    /// test's <see cref="PactConfig"/> setup — only the first call deletes, and later callers wait for it to finish.
    /// </summary>
    public static string ResetDirectoryOnce(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        return ResetDirectories.GetOrAdd(full, static path => new Lazy<string>(() =>
        {
            Directory.CreateDirectory(path);
            foreach (var file in Directory.EnumerateFiles(path, "*.json"))
            {
                File.Delete(file);
            }
            return path;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>
    /// The nearest folder at or above the test's output folder that contains <paramref name="marker"/> (default: the
    /// solution file) — where <c>contracts/pacts</c> lives when tests run from <c>bin/</c>.
    /// </summary>
    public static string FindRepositoryRoot(string marker = "CodeGen.sln")
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, marker)) || Directory.Exists(Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }
        throw new PactException($"No '{marker}' found at or above {AppContext.BaseDirectory}.");
    }

    /// <summary>Reads a pact file, failing with the file name when it is missing or not a JSON object.</summary>
    public static JsonObject Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Pact file '{path}' does not exist.", path);
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new PactException($"Pact file '{path}' is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new PactException($"Pact file '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// A copy with object keys sorted and interactions ordered by their identity (description, then provider states),
    /// so the same content always serialises to the same text. Nothing is removed.
    /// </summary>
    public static JsonObject Canonicalize(JsonObject pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var copy = (JsonObject)SortKeys(pact)!;
        if (copy["interactions"] is JsonArray interactions)
        {
            var ordered = interactions.Select(i => i!.DeepClone()).OrderBy(i => IdentityOf(i), StringComparer.Ordinal).ToArray();
            copy["interactions"] = new JsonArray(ordered);
        }
        return copy;
    }

    /// <summary>Writes <see cref="Canonicalize"/>d, indented JSON with '\n' line endings, atomically (temp file + rename).</summary>
    public static void WriteCanonical(JsonObject pact, string path)
    {
        var text = Canonicalize(pact).ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Compares two pact files; see <see cref="Compare(JsonObject, JsonObject)"/>.</summary>
    public static PactComparison Compare(string expectedPath, string actualPath) => Compare(Read(expectedPath), Read(actualPath));

    /// <summary>
    /// Compares consumer, provider, specification version and every interaction (matched by identity). Ignores
    /// <c>metadata</c> other than <c>pactSpecification</c>, interaction order and key order.
    /// </summary>
    public static PactComparison Compare(JsonObject expected, JsonObject actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        foreach (var field in new[] { "consumer", "provider" })
        {
            DiffInto(differences, $"$.{field}", expected[field], actual[field]);
        }
        DiffInto(differences, "$.metadata.pactSpecification", expected["metadata"]?["pactSpecification"], actual["metadata"]?["pactSpecification"]);

        var expectedInteractions = ByIdentity(expected);
        var actualInteractions = ByIdentity(actual);
        foreach (var (identity, interaction) in expectedInteractions)
        {
            if (!actualInteractions.TryGetValue(identity, out var other))
            {
                differences.Add($"interaction {identity}: missing from the produced pact");
                continue;
            }
            var inner = new List<string>();
            DiffInto(inner, "$", interaction, other);
            differences.AddRange(inner.Select(d => $"interaction {identity}: {d}"));
        }
        foreach (var identity in actualInteractions.Keys.Where(k => !expectedInteractions.ContainsKey(k)))
        {
            differences.Add($"interaction {identity}: new (not in the pinned pact)");
        }
        return new PactComparison(differences);
    }

    /// <summary>An interaction's identity as pact defines it: description plus provider states (with parameters).</summary>
    public static string IdentityOf(JsonNode? interaction)
    {
        var description = (string?)interaction?["description"] ?? "";
        var states = interaction?["providerStates"] is JsonArray array && array.Count > 0
            ? " given " + string.Join(" and ", array.Select(s => SortKeys(s)?.ToJsonString() ?? "null"))
            : "";
        return $"'{description}'{states}";
    }

    internal static Dictionary<string, JsonNode> ByIdentity(JsonObject pact)
    {
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var interaction in (pact["interactions"] as JsonArray)?.OfType<JsonNode>() ?? [])
        {
            // Duplicates cannot come from the engine's merge; if a hand edit made one, the last wins and the diff shows it.
            result[IdentityOf(interaction)] = interaction;
        }
        return result;
    }

    private static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray a => new JsonArray(a.Select(SortKeys).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private const int MaxDifferencesPerNode = 20;

    private static void DiffInto(List<string> differences, string path, JsonNode? expected, JsonNode? actual)
    {
        if (differences.Count >= MaxDifferencesPerNode || JsonNode.DeepEquals(expected, actual))
        {
            return;
        }
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var child = IsPlainName(key) ? $"{path}.{key}" : $"{path}['{key}']";
                    if (!a.ContainsKey(key))
                    {
                        differences.Add($"{child}: pinned {Show(e[key])}, produced (absent)");
                    }
                    else if (!e.ContainsKey(key))
                    {
                        differences.Add($"{child}: pinned (absent), produced {Show(a[key])}");
                    }
                    else
                    {
                        DiffInto(differences, child, e[key], a[key]);
                    }
                }
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    DiffInto(differences, $"{path}[{i}]", e[i], a[i]);
                }
                break;
            default:
                differences.Add($"{path}: pinned {Show(expected)}, produced {Show(actual)}");
                break;
        }
    }

    private static bool IsPlainName(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}

/// <summary>Result of <see cref="PactFiles.Compare(JsonObject, JsonObject)"/>.</summary>
/// <param name="Differences">Human-readable differences, each naming the interaction and JSON path.</param>
public sealed record PactComparison(IReadOnlyList<string> Differences)
{
    /// <summary>True when nothing but volatile metadata and ordering differs.</summary>
    public bool AreEquivalent => Differences.Count == 0;

    /// <summary>One difference per line.</summary>
    public override string ToString() => AreEquivalent ? "equivalent" : string.Join(Environment.NewLine, Differences);
}
