using System.Text.Json.Nodes;

namespace ZoomEvents.Pact.Tests;

/// <summary>A per-test temporary folder for pact files, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "zoomevents-pact-tests", Guid.NewGuid().ToString("N"));

    public JsonObject ReadPact(string consumer, string provider) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Path, $"{consumer}-{provider}.json")))!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
