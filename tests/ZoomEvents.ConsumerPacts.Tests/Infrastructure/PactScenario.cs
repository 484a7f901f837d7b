using ZoomEvents.ConsumerPacts.Tests.Zoom;
using ZoomEvents.Pact;
using ZoomEvents.Runtime;

namespace ZoomEvents.ConsumerPacts.Tests.Infrastructure;

/// <summary>
/// One consumer interaction: what the pact expects (<see cref="Describe"/>) and how the generated client is driven
/// against it, with the test's assertions on what the client made of the answer (<see cref="Exercise"/>).
/// </summary>
/// <remarks>
/// Scenarios are data so that the same definitions serve two purposes: each test class runs its own (in parallel
/// with the others), and <see cref="Pinning.PinnedPactTests"/> runs all of them into one fresh file to compare the
/// committed pact as a whole — catching interactions that no test produces any more.
/// </remarks>
internal sealed record PactScenario(
    string Name,
    Action<PactV4> Describe,
    Func<ZoomEventsClient, Task> Exercise,
    Action<ZoomEventsOptions>? ConfigureClient = null)
{
    public async Task RunAsync(PactV4 pact)
    {
        Describe(pact);
        await pact.VerifyAsync(async context =>
        {
            await using var client = ZoomPact.Client(context, ConfigureClient);
            await Exercise(client.Zoom);
        });
    }

    public override string ToString() => Name;
}
