using System.Text.Json.Serialization;

namespace ZoomEvents.Benchmarks.Serialization.HandWritten;

// The System.Text.Json source-generator baseline: the contract's SessionList and CreateTicketsRequest shapes written by
// hand the way a careful developer would (records, init, IReadOnlyList, nullable optionals). Two deliberate
// simplifications, stated so the comparison stays honest: string enums are plain strings (STJ has no open-enum type,
// and a closed C# enum would reject unknown server values), and date-times use STJ's built-in ISO 8601 handling,
// which reads Zoom's "…Z" form but writes "+00:00" rather than Zoom's required "Z".

public enum SessionType
{
    Meeting = 0,
    Webinar = 2,
    Neither = 4,
}

public sealed record SessionSpeaker
{
    [JsonPropertyName("speaker_id")] public string? SpeakerId { get; init; }
    [JsonPropertyName("access_to_edit_session")] public bool? AccessToEditSession { get; init; }
    [JsonPropertyName("show_in_session_detail")] public bool? ShowInSessionDetail { get; init; }
    [JsonPropertyName("has_alternative_host_permission")] public bool? HasAlternativeHostPermission { get; init; }
    [JsonPropertyName("meeting_role")] public int? MeetingRole { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("company")] public string? Company { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
}

public sealed record SessionReservation
{
    [JsonPropertyName("allow_reservations")] public bool? AllowReservations { get; init; }
    [JsonPropertyName("max_capacity")] public int? MaxCapacity { get; init; }
}

public sealed record Session
{
    [JsonPropertyName("session_id")] public string? SessionId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; init; }
    [JsonPropertyName("end_time")] public DateTimeOffset? EndTime { get; init; }
    [JsonPropertyName("timezone")] public string? Timezone { get; init; }
    [JsonPropertyName("type")] public SessionType? Type { get; init; }
    [JsonPropertyName("meeting_id")] public long? MeetingId { get; init; }
    [JsonPropertyName("webinar_id")] public long? WebinarId { get; init; }
    [JsonPropertyName("session_speakers")] public IReadOnlyList<SessionSpeaker>? SessionSpeakers { get; init; }
    [JsonPropertyName("featured")] public bool? Featured { get; init; }
    [JsonPropertyName("visible_in_landing_page")] public bool? VisibleInLandingPage { get; init; }
    [JsonPropertyName("featured_in_lobby")] public bool? FeaturedInLobby { get; init; }
    [JsonPropertyName("visible_in_lobby")] public bool? VisibleInLobby { get; init; }
    [JsonPropertyName("is_simulive")] public bool? IsSimulive { get; init; }
    [JsonPropertyName("record_file_id")] public string? RecordFileId { get; init; }
    [JsonPropertyName("chat_channel")] public bool? ChatChannel { get; init; }
    [JsonPropertyName("led_by_sponsor")] public bool? LedBySponsor { get; init; }
    [JsonPropertyName("track_labels")] public IReadOnlyList<string>? TrackLabels { get; init; }
    [JsonPropertyName("audience_labels")] public IReadOnlyList<string>? AudienceLabels { get; init; }
    [JsonPropertyName("product_labels")] public IReadOnlyList<string>? ProductLabels { get; init; }
    [JsonPropertyName("level")] public IReadOnlyList<string>? Level { get; init; }
    [JsonPropertyName("alternative_host")] public IReadOnlyList<string>? AlternativeHost { get; init; }
    [JsonPropertyName("panelist")] public IReadOnlyList<string>? Panelist { get; init; }
    [JsonPropertyName("attendance_type")] public string? AttendanceType { get; init; }
    [JsonPropertyName("physical_location")] public string? PhysicalLocation { get; init; }
    [JsonPropertyName("session_reservation")] public SessionReservation? SessionReservation { get; init; }
}

public sealed record SessionList
{
    [JsonPropertyName("total_records")] public int? TotalRecords { get; init; }
    [JsonPropertyName("sessions")] public IReadOnlyList<Session>? Sessions { get; init; }
}

public sealed record CustomQuestionAnswer
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("answer")] public required string Answer { get; init; }
}

public sealed record TicketRequest
{
    [JsonPropertyName("email")] public required string Email { get; init; }
    [JsonPropertyName("ticket_type_id")] public string? TicketTypeId { get; init; }
    [JsonPropertyName("external_ticket_id")] public string? ExternalTicketId { get; init; }
    [JsonPropertyName("send_notification")] public bool? SendNotification { get; init; }
    [JsonPropertyName("fast_join")] public bool? FastJoin { get; init; }
    [JsonPropertyName("registration_needed")] public bool? RegistrationNeeded { get; init; }
    [JsonPropertyName("session_ids")] public IReadOnlyList<string>? SessionIds { get; init; }
    [JsonPropertyName("first_name")] public string? FirstName { get; init; }
    [JsonPropertyName("last_name")] public string? LastName { get; init; }
    [JsonPropertyName("address")] public string? Address { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("zip")] public string? Zip { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("industry")] public string? Industry { get; init; }
    [JsonPropertyName("job_title")] public string? JobTitle { get; init; }
    [JsonPropertyName("organization")] public string? Organization { get; init; }
    [JsonPropertyName("organization_size")] public string? OrganizationSize { get; init; }
    [JsonPropertyName("comments")] public string? Comments { get; init; }
    [JsonPropertyName("custom_questions")] public IReadOnlyList<CustomQuestionAnswer>? CustomQuestions { get; init; }
}

public sealed record CreateTicketsRequest
{
    [JsonPropertyName("registration_source")] public string? RegistrationSource { get; init; }
    [JsonPropertyName("tickets")] public required IReadOnlyList<TicketRequest> Tickets { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SessionList))]
[JsonSerializable(typeof(CreateTicketsRequest))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;
