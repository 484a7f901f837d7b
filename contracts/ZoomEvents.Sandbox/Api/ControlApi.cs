using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomEvents.Sandbox.Infrastructure;
using ZoomEvents.Sandbox.ProviderStates;
using ZoomEvents.Sandbox.Store;

namespace ZoomEvents.Sandbox.Api;

/// <summary>Endpoints for tests and tools, outside Zoom's API: reset, fault switching and Pact provider states.</summary>
internal static class ControlApi
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/_sandbox/reset", (SandboxControl control) =>
        {
            control.Reset();
            return Results.NoContent();
        });

        app.MapGet("/_sandbox/faults", (FaultInjector faults) => ZoomJson.Ok(new JsonObject
        {
            ["faults"] = JsonSerializer.SerializeToNode(faults.Current, ControlJson.Options),
            ["counters"] = JsonSerializer.SerializeToNode(faults.Counters, ControlJson.Options),
        }));

        app.MapPut("/_sandbox/faults", async (HttpContext context, FaultInjector faults) =>
        {
            SandboxFaults? requested;
            try
            {
                requested = await JsonSerializer.DeserializeAsync<SandboxFaults>(context.Request.Body, ControlJson.Options, context.RequestAborted);
            }
            catch (JsonException ex)
            {
                throw ZoomProblem.Validation("body", "Not a fault configuration: " + ex.Message);
            }

            try
            {
                faults.Configure(requested ?? new SandboxFaults());
            }
            catch (ArgumentException ex)
            {
                throw ZoomProblem.Validation("body", ex.Message);
            }

            return Results.NoContent();
        });

        app.MapGet("/_pact/provider-states", () => ZoomJson.Ok(new JsonObject
        {
            ["states"] = ZoomJson.Array(ProviderStateCatalog.States.Select(s => (JsonNode)new JsonObject
            {
                ["state"] = s.Name,
                ["description"] = s.Description,
                ["params"] = ZoomJson.Array(s.Params.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["description"] = p.Description })),
            })),
        }));

        app.MapPost("/_pact/provider-states", async (HttpContext context, SandboxStore store, SandboxOptions options, FaultInjector faults, SandboxControl control) =>
        {
            var body = await RequestReader.ReadObjectAsync(context.Request, context.RequestAborted);
            var reader = new RequestReader();
            var name = reader.String(body, "state", required: true);
            var action = reader.Enum(body, "action", ["setup", "teardown"]) ?? "setup";
            var parameters = reader.Object(body, "params");
            reader.ThrowIfInvalid();

            // Teardown returns the sandbox to its seeded state (data and start-up faults) so the next interaction starts clean.
            if (action == "teardown")
            {
                control.Reset();
                return ZoomJson.Ok(new JsonObject());
            }

            var state = ProviderStateCatalog.Find(name!) ?? throw ZoomProblem.Validation(
                "state", $"Unknown provider state '{name}'. Known states: {string.Join("; ", ProviderStateCatalog.States.Select(s => s.Name))}.");
            var stateParams = new StateParams(parameters);
            var stateContext = new StateContext(options, faults);
            return ZoomJson.Ok(store.ExecuteAtomically(d => state.Setup(d, stateParams, stateContext)));
        });
    }
}

/// <summary>Reset shared by <c>POST /_sandbox/reset</c> and <see cref="SandboxServer.Reset"/>.</summary>
internal sealed class SandboxControl(SandboxStore store, FaultInjector faults, SandboxOptions options)
{
    // Issued tokens survive a reset on purpose: clients holding a cached token keep working against the fresh state.
    public void Reset()
    {
        store.Reset();
        faults.Configure(options.Faults);
    }
}

internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
