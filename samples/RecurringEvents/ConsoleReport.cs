using Spectre.Console;

namespace RecurringEvents;

/// <summary>Renders the run for a person: the sessions in local and UTC time, the links, the tickets.</summary>
internal static class ConsoleReport
{
    public static void Render(IAnsiConsole console, FlowResult result)
    {
        console.MarkupLineInterpolated($"[bold]Event[/] {result.EventId} on hub {result.HubId}: [green]{result.Status}[/]");

        var zone = FindZone(result.TimeZone);
        var sessions = new Table().Title($"Sessions ({result.TimeZone})")
            .AddColumns("#", "session_id", "local start", "UTC start", "UTC end");
        var number = 1;
        foreach (var session in result.Sessions)
        {
            var local = zone is null ? "?" : TimeZoneInfo.ConvertTime(session.StartUtc, zone).ToString("ddd yyyy-MM-dd HH:mm zzz");
            sessions.AddRow((number++).ToString(), session.SessionId, local, Utc(session.StartUtc), Utc(session.EndUtc));
        }
        console.Write(sessions);

        var links = new Table().Title("Registration links").AddColumns("recurring_registration_option", "access_link_id", "name");
        foreach (var link in result.Links)
        {
            links.AddRow(link.Option, link.AccessLinkId, Markup.Escape(link.Name));
        }
        console.Write(links);

        var tickets = new Table().Title("Tickets").AddColumns("link", "ticket_id", "email", "session_ids");
        foreach (var ticket in result.Tickets)
        {
            var ids = ticket.SessionIds.Count == 0 ? "(all sessions)" : string.Join(", ", ticket.SessionIds);
            tickets.AddRow(ticket.Option, ticket.TicketId, Markup.Escape(ticket.Email), ids);
        }
        console.Write(tickets);

        foreach (var problem in result.Problems)
        {
            console.MarkupLineInterpolated($"[yellow]not registered[/] {problem.Email} ({problem.Option}): {problem.Reason}");
        }
    }

    // Display only: Zoom's zone ids are kept as strings everywhere else, and an unknown id just loses the local column.
    private static TimeZoneInfo? FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'");
}
