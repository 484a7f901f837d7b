using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Pact.Pinning;

namespace ZoomEvents.Pact.Tests;

/// <summary>Pinned pacts: comparison ignoring volatile metadata, per-test pin checks, refresh mode.</summary>
public sealed class PinningTests(ITestOutputHelper output) : IDisposable
{
    private const string Consumer = "PinningClient";
    private const string Provider = "PinningProvider";
    private readonly TempDir _dir = new();

    private string PinnedDir => Path.Combine(_dir.Path, "pinned");

    private async Task RunAsync(string registrationOption, bool update)
    {
        using var pact = Pact.V4(Consumer, Provider, new PactConfig
        {
            PactDir = Path.Combine(_dir.Path, "out"),
            PinnedPactDir = PinnedDir,
            UpdatePins = update,
            Output = output.WriteLine,
        });
        pact.UponReceiving("create an access link")
            .Given("an event exists", new { eventId = "evt_1234567890" })
            .WithRequest(HttpMethod.Post, "/v2/zoom_events/events/evt_1234567890/access_links")
            .WithJsonBody(new { name = "All sessions", recurring_registration_option = registrationOption })
            .WillRespond().WithStatus(201).WithJsonBody(new { access_link_id = Match.Regex("lnk_1234567890", "^[A-Za-z0-9_-]{10,}$") });
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var content = new StringContent($$"""{"name":"All sessions","recurring_registration_option":"{{registrationOption}}"}""", System.Text.Encoding.UTF8, "application/json");
            (await http.PostAsync("v2/zoom_events/events/evt_1234567890/access_links", content)).EnsureSuccessStatusCode();
        });
    }

    [Fact]
    public async Task A_changed_request_fails_against_the_pin_and_refresh_accepts_it()
    {
        var pinnedFile = Path.Combine(PinnedDir, $"{Consumer}-{Provider}.json");

        var missing = await Assert.ThrowsAsync<PactPinningException>(() => RunAsync("all_sessions", update: false));
        Assert.Contains("no pinned pact", missing.Message);

        await RunAsync("all_sessions", update: true);
        Assert.True(File.Exists(pinnedFile));
        var pinnedText = File.ReadAllText(pinnedFile);
        Assert.EndsWith("}\n", pinnedText);
        Assert.DoesNotContain("\r\n", pinnedText);

        await RunAsync("all_sessions", update: false); // unchanged: passes

        var changed = await Assert.ThrowsAsync<PactPinningException>(() => RunAsync("allSessions", update: false));
        output.WriteLine(changed.Message);
        Assert.Contains("$.request.body.content.recurring_registration_option", changed.Message);
        Assert.Contains("\"all_sessions\"", changed.Message);
        Assert.Contains("\"allSessions\"", changed.Message);
        Assert.Contains(PactPinning.UpdateVariable, changed.Message);

        await RunAsync("allSessions", update: true);
        Assert.Contains("allSessions", File.ReadAllText(pinnedFile));
        Assert.Single(PactFiles.Read(pinnedFile)["interactions"]!.AsArray());
    }

    [Fact]
    public void Comparison_ignores_engine_metadata_and_ordering_but_not_content()
    {
        var a = SamplePact("0.5.8", ("b", "x"), ("a", "y"));
        var b = SamplePact("0.6.0", ("a", "y"), ("b", "x"));
        Assert.True(PactFiles.Compare(a, b).AreEquivalent, PactFiles.Compare(a, b).ToString());

        var c = SamplePact("0.5.8", ("a", "y"), ("b", "CHANGED"));
        var diff = PactFiles.Compare(a, c);
        Assert.False(diff.AreEquivalent);
        Assert.Equal(["interaction 'b': $.request.path: pinned \"x\", produced \"CHANGED\""], diff.Differences);

        var d = SamplePact("0.5.8", ("a", "y"));
        Assert.Contains("interaction 'b': missing from the produced pact", PactFiles.Compare(a, d).Differences);
        Assert.Contains("interaction 'b': new (not in the pinned pact)", PactFiles.Compare(d, a).Differences);
    }

    [Fact]
    public void Canonical_files_are_stable_and_pinning_whole_files_works()
    {
        var produced = Path.Combine(_dir.Path, "produced.json");
        var pinned = Path.Combine(_dir.Path, "pinned", "p.json");
        PactFiles.WriteCanonical(SamplePact("0.5.8", ("b", "x"), ("a", "y")), produced);
        PactPinning.AssertMatchesPinned(produced, pinned, update: true);
        var first = File.ReadAllText(pinned);
        PactFiles.WriteCanonical(SamplePact("0.5.8", ("a", "y"), ("b", "x")), produced);
        PactPinning.AssertMatchesPinned(produced, pinned, update: true);
        Assert.Equal(first, File.ReadAllText(pinned));
        Assert.True(first.IndexOf("\"a\"", StringComparison.Ordinal) < first.IndexOf("\"b\"", StringComparison.Ordinal), "interactions sorted by identity");

        PactPinning.AssertMatchesPinned(produced, pinned, update: false);
        PactFiles.WriteCanonical(SamplePact("0.5.8", ("a", "z")), produced);
        var ex = Assert.Throws<PactPinningException>(() => PactPinning.AssertMatchesPinned(produced, pinned, update: false));
        Assert.Equal(2, ex.Differences.Count);
    }

    [Fact]
    public void ResetDirectoryOnce_deletes_pact_files_only_the_first_time()
    {
        var dir = Path.Combine(_dir.Path, "reset");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "old.json"), "{}");
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        Assert.Equal(Path.GetFullPath(dir), PactFiles.ResetDirectoryOnce(dir));
        Assert.False(File.Exists(Path.Combine(dir, "old.json")));
        Assert.True(File.Exists(Path.Combine(dir, "keep.txt")));
        File.WriteAllText(Path.Combine(dir, "new.json"), "{}");
        PactFiles.ResetDirectoryOnce(dir);
        Assert.True(File.Exists(Path.Combine(dir, "new.json")));
    }

    [Fact]
    public void The_repository_root_is_found_from_the_test_output()
    {
        var root = PactFiles.FindRepositoryRoot();
        Assert.True(File.Exists(Path.Combine(root, "CodeGen.sln")));
        Assert.True(Directory.Exists(Path.Combine(root, "contracts")));
        Assert.Throws<PactException>(() => PactFiles.FindRepositoryRoot("no-such-marker-" + Guid.NewGuid()));
    }

    private static JsonObject SamplePact(string ffi, params (string Description, string Path)[] interactions) => new()
    {
        ["consumer"] = new JsonObject { ["name"] = "c" },
        ["provider"] = new JsonObject { ["name"] = "p" },
        ["interactions"] = new JsonArray(interactions.Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "Synchronous/HTTP",
            ["description"] = i.Description,
            ["request"] = new JsonObject { ["method"] = "GET", ["path"] = i.Path },
            ["response"] = new JsonObject { ["status"] = 200 },
        }).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["pactSpecification"] = new JsonObject { ["version"] = "4.0" },
            ["pactRust"] = new JsonObject { ["ffi"] = ffi, ["models"] = "1.3.16" },
        },
    };

    public void Dispose() => _dir.Dispose();
}
