using Xunit;
using Xunit.Abstractions;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Scenarios;

namespace ZoomEvents.ConsumerPacts.Tests;

/// <summary>The generated client against the Pact mock server: issuing tickets, partial success and error answers.</summary>
public sealed class TicketPactTests(ITestOutputHelper output)
{
    [Fact]
    public Task Issues_tickets_for_chosen_sessions() => TicketScenarios.TicketsForChosenSessions.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task Issues_an_all_sessions_ticket_without_session_ids() => TicketScenarios.TicketForAllSessions.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task A_201_with_errors_is_returned_as_partial_success() => TicketScenarios.PartialSuccess.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task An_unpublished_event_is_a_ZoomApiException_with_code_26501() => TicketScenarios.EventNotPublished.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task Finds_a_ticket_by_its_external_ticket_id() => TicketScenarios.FindByExternalTicketId.RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task A_429_is_a_ZoomRateLimitException_with_the_servers_Retry_After() => TicketScenarios.RateLimited.RunAsync(ZoomPact.Create(output));
}
