using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Pact.Tests;

/// <summary>Several test classes writing the same consumer/provider pair at once end up with one merged file.</summary>
public sealed class ParallelWriteTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Parallel_writers_produce_one_merged_pact()
    {
        const int writers = 8;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            using var pact = Pact.V4("ParallelClient", "ParallelProvider", new PactConfig { PactDir = _dir.Path });
            pact.UponReceiving($"get event {i}")
                .Given("an event exists", new { eventId = $"evt_{i}" })
                .WithRequest(HttpMethod.Get, $"/v2/zoom_events/events/evt_{i}")
                .WillRespond().WithJsonBody(new { event_id = $"evt_{i}" });
            // Shared by all writers and identical: must be merged into a single interaction.
            pact.UponReceiving("list hubs").WithRequest(HttpMethod.Get, "/v2/zoom_events/hubs")
                .WillRespond().WithJsonBody(new { hubs = Array.Empty<object>() });
            await pact.VerifyAsync(async ctx =>
            {
                using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
                (await http.GetAsync($"v2/zoom_events/events/evt_{i}")).EnsureSuccessStatusCode();
                (await http.GetAsync("v2/zoom_events/hubs")).EnsureSuccessStatusCode();
            });
        })));

        Assert.Equal(["ParallelClient-ParallelProvider.json"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
        var descriptions = _dir.ReadPact("ParallelClient", "ParallelProvider")["interactions"]!.AsArray()
            .Select(i => (string)i!["description"]!).Order(StringComparer.Ordinal).ToList();
        var expected = Enumerable.Range(0, writers).Select(i => $"get event {i}").Append("list hubs").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, descriptions);
    }

    [Fact]
    public async Task A_writer_waits_for_the_cross_process_file_lock()
    {
        var pactFile = Path.GetFullPath(Path.Combine(_dir.Path, "LockClient-LockProvider.json"));
        // Another process holding the lock looks exactly like this: an exclusive open of the shared lock file.
        // Disposed early below to release the lock; the using covers a failed assertion before that.
        await using var held = new FileStream(PactFileWriter.LockPathFor(pactFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var writer = RunOneAsync(TimeSpan.FromSeconds(30));
        var early = await Task.WhenAny(writer, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(writer, early);
        Assert.False(File.Exists(pactFile), "the pact must not be written while another process holds the lock");

        await held.DisposeAsync();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(pactFile));
    }

    [Fact]
    public async Task A_writer_gives_up_with_a_clear_error_when_the_lock_is_never_released()
    {
        var pactFile = Path.GetFullPath(Path.Combine(_dir.Path, "LockClient-LockProvider.json"));
        using var held = new FileStream(PactFileWriter.LockPathFor(pactFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var ex = await Assert.ThrowsAsync<PactException>(() => RunOneAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Contains("Timed out", ex.Message);
    }

    private async Task RunOneAsync(TimeSpan lockTimeout)
    {
        using var pact = Pact.V4("LockClient", "LockProvider", new PactConfig { PactDir = _dir.Path, FileLockTimeout = lockTimeout });
        pact.UponReceiving("ping").WithRequest(HttpMethod.Get, "/ping").WillRespond().WithStatus(204);
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await http.GetAsync("ping")).EnsureSuccessStatusCode();
        });
    }

    public void Dispose() => _dir.Dispose();
}
