using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ZoomEvents.Pact.Tests;

/// <summary>
/// A tiny provider on Kestrel (127.0.0.1, OS-chosen port) for verifier tests. It knows events by id after a provider
/// state created them, and deliberately breaks one endpoint (ticket types answer a number where a string is expected).
/// </summary>
internal sealed class TestProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestProvider(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri StateUri => new(BaseUri, "_pact/provider-states");

    /// <summary>Every provider-state call received, as "action:state:paramsJson".</summary>
    public ConcurrentQueue<string> StateCalls { get; } = new();

    /// <summary>Authorization headers received on API calls.</summary>
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    public static async Task<TestProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var events = new ConcurrentDictionary<string, string>();
        TestProvider? self = null;

        app.MapPost("/_pact/provider-states", async (HttpContext ctx) =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(ctx.Request.Body))!;
            var state = (string)body["state"]!;
            var action = (string?)body["action"] ?? "setup";
            self!.StateCalls.Enqueue($"{action}:{state}:{body["params"]?.ToJsonString()}");
            if (state == "an event exists" && action == "setup")
            {
                events[(string)body["params"]!["eventId"]!] = "Launch";
            }
            return Results.Ok();
        });
        app.MapGet("/v2/zoom_events/events/{id}", (string id, HttpContext ctx) =>
        {
            self!.AuthorizationHeaders.Enqueue(ctx.Request.Headers.Authorization.ToString());
            return events.TryGetValue(id, out var name)
                ? Results.Json(new { event_id = id, name, start_time = "2026-03-01T10:00:00Z" })
                : Results.Json(new { code = 3001, message = "Event does not exist." }, statusCode: 404);
        });
        // The deliberate contract break: "name" is a number here.
        app.MapGet("/v2/zoom_events/events/{id}/ticket_types", (string id) =>
            Results.Json(new { ticket_types = new[] { new { id = "tt_1234567890", name = 42 } } }));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestProvider(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
