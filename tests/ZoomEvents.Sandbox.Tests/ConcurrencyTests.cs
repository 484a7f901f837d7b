using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class ConcurrencyTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task Concurrent_ticket_batches_are_all_issued_once()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket($"c{i}@example.com"), Ticket($"d{i}@example.com")))));

        Assert.All(responses, r => r.AssertStatus(HttpStatusCode.Created));
        var ids = responses.SelectMany(r => r.Body!["tickets"]!.AsArray().Select(t => t!["ticket_id"]!.GetValue<string>())).ToList();
        Assert.Equal(100, ids.Distinct().Count());
        var listed = await GetAsync($"v2/zoom_events/events/{eventId}/tickets?page_size=300");
        Assert.Equal(100, listed.Body!["total_records"]!.GetValue<int>());
        Assert.Equal(ids.Order(), listed.Body["tickets"]!.AsArray().Select(t => t!["ticket_id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Fault_counting_is_exact_under_concurrency()
    {
        Server.ConfigureFaults(new SandboxFaults { RateLimitEveryNth = 3 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => GetAsync("v2/zoom_events/hubs?role_type=host")));

        Assert.Equal(20, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(40, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(new SandboxFaultCounters(60, 20, 0, 0), Server.FaultCounters);
    }

    [Fact]
    public async Task Concurrent_links_with_one_name_create_exactly_one()
    {
        var eventId = await CreateEventAsync(TutorialEvent());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync($"v2/zoom_events/events/{eventId}/access_links",
            new JsonObject { ["name"] = "Only one", ["type"] = "registration", ["authentication_method"] = "bypass_auth" })));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.AssertZoomError(HttpStatusCode.BadRequest, 261203));
    }

    [Fact]
    public async Task Concurrent_creates_updates_and_reads_stay_consistent()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => CreateEventAsync(TutorialEvent())));
        var work = created.SelectMany(id => new Task[]
        {
            PatchAsync($"v2/zoom_events/events/{id}", new JsonObject { ["recurrence"] = new JsonObject { ["end_times"] = 5 } }),
            GetAsync($"v2/zoom_events/events/{id}/sessions"),
            PostAsync($"v2/zoom_events/events/{id}/event_actions", new JsonObject { ["operation"] = "publish" }),
        });
        await Task.WhenAll(work);

        foreach (var id in created)
        {
            Assert.Equal(5, (await SessionIdsAsync(id)).Count);
            Assert.Equal("PUBLISHED", (await GetAsync($"v2/zoom_events/events/{id}")).Body!["status"]!.GetValue<string>());
        }
    }
}
