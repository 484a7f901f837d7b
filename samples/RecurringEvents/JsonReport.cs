using System.Text.Json;
using ZoomEvents.Runtime.Serialization;

namespace RecurringEvents;

/// <summary>
/// Writes the run as the one JSON document scripts consume (<c>--json</c>). Written with <see cref="Utf8JsonWriter"/>
/// so the layout is fixed by this file, not by reflection over the result types.
/// </summary>
internal static class JsonReport
{
    public static readonly string[] Options = ["all_sessions", "single_session", "multiple_sessions"];

    public static string Render(FlowResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("event_id", result.EventId);
            json.WriteString("hub_id", result.HubId);
            json.WriteString("status", result.Status);

            json.WriteStartArray("sessions");
            foreach (var session in result.Sessions)
            {
                json.WriteStartObject();
                json.WriteString("session_id", session.SessionId);
                json.WriteString("start_time", ZoomWire.FormatDateTime(session.StartUtc));
                json.WriteString("end_time", ZoomWire.FormatDateTime(session.EndUtc));
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("links");
            foreach (var link in result.Links)
            {
                json.WriteString(link.Option, link.AccessLinkId);
            }
            json.WriteEndObject();

            json.WriteStartObject("tickets");
            foreach (var option in Options)
            {
                json.WriteStartArray(option);
                foreach (var ticket in result.Tickets.Where(t => t.Option == option))
                {
                    json.WriteStartObject();
                    json.WriteString("ticket_id", ticket.TicketId);
                    json.WriteStartArray("session_ids");
                    foreach (var id in ticket.SessionIds)
                    {
                        json.WriteStringValue(id);
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();

            if (result.Problems.Count > 0)
            {
                json.WriteStartArray("problems");
                foreach (var problem in result.Problems)
                {
                    json.WriteStartObject();
                    json.WriteString("option", problem.Option);
                    json.WriteString("email", problem.Email);
                    json.WriteString("reason", problem.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
