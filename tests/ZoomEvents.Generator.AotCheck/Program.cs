using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZoomEvents.AotCheck.Api;

// Exercises every reflection-prone path of the generated code so the analyzers see it: JsonSerializer through the
// generated resolver, the converters directly, a tolerant list read from CSV, an open enum, the DI registration and the typed clients.
var request = new CreateTicketsRequest
{
    Tickets = [new TicketRequest { Email = "ada@example.com", SessionIds = ["s1"] }],
};
var typeInfo = ZoomEventsClientJsonResolver.TypeInfo<CreateTicketsRequest>();
var json = JsonSerializer.Serialize(request, typeInfo);
var back = JsonSerializer.Deserialize(json, typeInfo)!;
var recurrence = ZoomEvents.Runtime.Serialization.ZoomJsonContent.Deserialize(
    """{"type":2,"weekly_days":"2,6"}"""u8, RecurrenceJsonConverter.Instance);
RecurringRegistrationOption option = "brand_new_option";

var services = new ServiceCollection();
services.AddZoomEventsClient(o => o.AccessToken = "aot-check");
using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<ZoomEventsClient>();

Console.WriteLine($"{back.Tickets.Count} {string.Join(",", recurrence.WeeklyDays ?? [])} {option.IsKnown} {client.Events.GetType().Name}");
return 0;
