using Xunit;
using Xunit.Abstractions;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Scenarios;

namespace ZoomEvents.ConsumerPacts.Tests;

/// <summary>The generated client against the Pact mock server: hubs, the recurring event, publishing, unknown events.</summary>
public sealed class EventPactTests(ITestOutputHelper output)
{
    [Fact]
    public Task Lists_the_hubs_the_caller_hosts() => EventScenarios.ListHubs.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task Creates_the_monthly_recurring_event_with_the_documented_body() => EventScenarios.CreateRecurringEvent.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task Publishes_through_event_actions() => EventScenarios.Publish.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task Reads_the_published_event_back() => EventScenarios.GetPublishedEvent.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task An_unknown_event_is_a_ZoomApiException_with_code_2002() => EventScenarios.UnknownEvent.RunAsync(ZoomPact.Create(output));
}
