using System.Globalization;
using System.Text.Json;

namespace ZoomEvents.Benchmarks.Serialization;

/// <summary>
/// The serialization inputs, built the same way every run: a getEventSessionList response with 200 sessions
/// (Zoom's documented maximum) as UTF-8 bytes, and the field values of a 30-ticket createTickets batch (the per-call
/// maximum), which each contender turns into its own model objects before measuring.
/// </summary>
public static class Payloads
{
    public const int SessionCount = 200;
    public const int TicketCount = 30;

    private static readonly string[] AttendanceTypes = ["virtual", "in-person", "hybrid"];
    private static readonly int[] SessionTypes = [0, 2, 4];

    public static byte[] SessionListJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("total_records", SessionCount);
            w.WriteStartArray("sessions");
            var first = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < SessionCount; i++)
            {
                var start = first.AddDays(7 * i);
                w.WriteStartObject();
                w.WriteString("session_id", Id("ses", i));
                w.WriteString("name", $"Weekly product clinic #{i + 1}");
                w.WriteString("description", "Live walkthrough of new features followed by open questions from attendees.");
                w.WriteString("start_time", Utc(start));
                w.WriteString("end_time", Utc(start.AddMinutes(45)));
                w.WriteString("timezone", i % 2 == 0 ? "America/New_York" : "Europe/Berlin");
                w.WriteNumber("type", SessionTypes[i % SessionTypes.Length]);
                w.WriteNumber("meeting_id", 81_000_000_000L + i);
                w.WriteStartArray("session_speakers");
                for (var s = 0; s < 2; s++)
                {
                    w.WriteStartObject();
                    w.WriteString("speaker_id", Id("spk", (i * 2) + s));
                    w.WriteBoolean("access_to_edit_session", s == 0);
                    w.WriteBoolean("show_in_session_detail", true);
                    w.WriteBoolean("has_alternative_host_permission", false);
                    w.WriteNumber("meeting_role", s);
                    w.WriteString("name", s == 0 ? "Ada Example" : "Grace Sample");
                    w.WriteString("company", "Example Corp");
                    w.WriteString("title", s == 0 ? "Product Manager" : "Support Engineer");
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteBoolean("featured", i % 5 == 0);
                w.WriteBoolean("visible_in_landing_page", true);
                w.WriteBoolean("featured_in_lobby", false);
                w.WriteBoolean("visible_in_lobby", true);
                w.WriteBoolean("is_simulive", false);
                w.WriteBoolean("chat_channel", true);
                w.WriteBoolean("led_by_sponsor", false);
                WriteStrings(w, "track_labels", "Product", "Roadmap");
                WriteStrings(w, "audience_labels", "Customers");
                WriteStrings(w, "product_labels", "Events", "Webinars");
                WriteStrings(w, "level", "Beginner");
                WriteStrings(w, "alternative_host", "cohost@example.com");
                WriteStrings(w, "panelist");
                w.WriteString("attendance_type", AttendanceTypes[i % AttendanceTypes.Length]);
                w.WriteStartObject("session_reservation");
                w.WriteBoolean("allow_reservations", true);
                w.WriteNumber("max_capacity", 100 + i);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Field values of one ticket; the benchmark maps these onto each contender's model type.</summary>
    public sealed record TicketSeed(
        string Email, string TicketTypeId, string ExternalTicketId, bool SendNotification, string[] SessionIds,
        string FirstName, string LastName, string City, string Country, string Organization, string JobTitle,
        (string Title, string Answer)[] CustomQuestions);

    public const string RegistrationSource = "crm-sync";

    public static IReadOnlyList<TicketSeed> Tickets() =>
        Enumerable.Range(0, TicketCount).Select(i => new TicketSeed(
            Email: $"attendee{i:D2}@example.com",
            TicketTypeId: "tt_default",
            ExternalTicketId: "crm-" + (10_000 + i).ToString(CultureInfo.InvariantCulture),
            SendNotification: i % 2 == 0,
            SessionIds: [Id("ses", i), Id("ses", i + 1), Id("ses", i + 2)],
            FirstName: "Attendee",
            LastName: "Number" + i.ToString(CultureInfo.InvariantCulture),
            City: "Lisbon",
            Country: "PT",
            Organization: "Example Corp",
            JobTitle: "Engineer",
            CustomQuestions: [("How did you hear about us?", "Newsletter"), ("Dietary needs", "None")])).ToArray();

    /// <summary>A 22-character URL-safe id, the shape Zoom uses, unique per prefix and index.</summary>
    private static string Id(string prefix, int i) => (prefix + i.ToString("D19", CultureInfo.InvariantCulture))[..22];

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteStrings(Utf8JsonWriter w, string name, params string[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
