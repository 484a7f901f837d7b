using System.Text.Json;

namespace ZoomEvents.Pact;

/// <summary>Settings of a consumer pact (<see cref="Pact.V4"/>).</summary>
public sealed class PactConfig
{
    /// <summary>Folder the pact file <c>&lt;consumer&gt;-&lt;provider&gt;.json</c> is merged into. Default: <c>./pacts</c> under the current directory.</summary>
    public string? PactDir { get; init; }

    /// <summary>
    /// Receives diagnostic lines (mock server logs after a failure, where the pact was written). Hook up xUnit's
    /// <c>ITestOutputHelper.WriteLine</c>.
    /// </summary>
    public Action<string>? Output { get; init; }

    /// <summary>How bodies and matcher examples are serialised. Default: <see cref="PactJson.DefaultOptions"/> (names as declared).</summary>
    public JsonSerializerOptions? JsonOptions { get; init; }

    /// <summary>Extra entries for the pact file's metadata (namespace <c>pactCsharp</c> is always added).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>How long to wait for another process holding the pact file's lock. Default 60 s.</summary>
    public TimeSpan FileLockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Folder of committed pact files (e.g. <c>contracts/pacts</c>). When set, every successful verification also checks
    /// that the interactions the test produced equal the pinned ones — or rewrites them in update mode.
    /// </summary>
    public string? PinnedPactDir { get; init; }

    /// <summary>Rewrite pins instead of checking them. Default: the <c>PACT_PINS_UPDATE</c> environment variable.</summary>
    public bool? UpdatePins { get; init; }

    internal string ResolvedPactDir => Path.GetFullPath(PactDir ?? Path.Combine(Directory.GetCurrentDirectory(), "pacts"));

    internal JsonSerializerOptions ResolvedJsonOptions => JsonOptions ?? PactJson.DefaultOptions;
}
