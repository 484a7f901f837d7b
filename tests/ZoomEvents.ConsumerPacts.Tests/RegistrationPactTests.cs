using Xunit;
using Xunit.Abstractions;
using ZoomEvents.ConsumerPacts.Tests.Infrastructure;
using ZoomEvents.ConsumerPacts.Tests.Scenarios;

namespace ZoomEvents.ConsumerPacts.Tests;

/// <summary>The generated client against the Pact mock server: ticket types, the three registration links, sessions.</summary>
public sealed class RegistrationPactTests(ITestOutputHelper output)
{
    [Fact]
    public Task Lists_the_default_ticket_type() => RegistrationScenarios.ListTicketTypes.RunAsync(ZoomPact.Create(output));

    [Theory]
    [InlineData("all_sessions")]
    [InlineData("single_session")]
    [InlineData("multiple_sessions")]
    public Task Creates_a_registration_link_for_each_recurring_option(string option) =>
        RegistrationScenarios.CreateLink(option).RunAsync(ZoomPact.Create(output));

    [Fact]
    public Task Lists_the_sessions_of_the_recurring_event() => RegistrationScenarios.ListSessions.RunAsync(ZoomPact.Create(output));
}
