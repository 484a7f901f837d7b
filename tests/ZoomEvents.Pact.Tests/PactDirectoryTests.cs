using ZoomEvents.Pact.Verifier;
using Xunit;

namespace ZoomEvents.Pact.Tests;

/// <summary>A pact folder in a repository holds more than pacts; the verifier must pick out this provider's.</summary>
public sealed class PactDirectoryTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Only_this_providers_json_pacts_are_selected_in_a_stable_order()
    {
        Write("README.md", "# not a pact");
        Write("b-Ours.json", """{"consumer":{"name":"b"},"provider":{"name":"Ours"},"interactions":[]}""");
        Write("a-Ours.json", """{"consumer":{"name":"a"},"provider":{"name":"Ours"},"interactions":[]}""");
        Write("a-Theirs.json", """{"consumer":{"name":"a"},"provider":{"name":"Theirs"},"interactions":[]}""");
        Write("notes.json", """{"provider":"Ours"}""");

        var files = PactVerifier.PactFilesOf(_dir.Path, "Ours").Select(f => Path.GetFileName(f)).ToArray();

        Assert.Equal(new[] { "a-Ours.json", "b-Ours.json" }, files);
    }

    [Fact]
    public void A_broken_json_file_is_named_in_the_error()
    {
        Write("broken.json", "{ not json");

        var error = Assert.Throws<PactException>(() => PactVerifier.PactFilesOf(_dir.Path, "Ours"));

        Assert.Contains("broken.json", error.Message);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dir.Path, name), content);

    public void Dispose() => _dir.Dispose();
}
