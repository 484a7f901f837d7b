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

    public void Dispose() => _dir.Dispose();
}
