using System.Text.Json.Nodes;
using static ZoomEvents.Spec.Tests.SpecQuery;

namespace ZoomEvents.Spec.Tests;

/// <summary>
/// Names and shapes the generator, runtime, sandbox and pact tooling were promised (the team brief's "seam"), plus
/// the API facts the contract must state exactly.
/// </summary>
public sealed class ContractSeamTests
{
    public static TheoryData<string> SeamSchemas => new(
        "Hub", "HubList", "Event", "CreateEventRequest", "UpdateEventRequest", "EventList", "Recurrence", "CalendarEntry",
        "EventActionRequest", "EventActionResult", "TicketType", "TicketTypeList", "AccessLink", "CreateAccessLinkRequest",
        "UpdateAccessLinkRequest", "AccessLinkList", "SecurityAtJoin", "Session", "SessionList", "TicketRequest",
        "CreateTicketsRequest", "CreateTicketsResult", "CreatedTicket", "TicketCreationError", "Ticket", "TicketList",
        "ZoomError", "ZoomFieldError", "EventType", "AttendanceType", "AccessLevel", "RecurrenceType", "WeekDay",
        "MonthlyWeek", "AccessLinkType", "AuthenticationMethod", "RecurringRegistrationOption", "TicketErrorCode",
        "EventOperation", "ValidationLevel", "HubRoleType");

    [Theory]
    [MemberData(nameof(SeamSchemas))]
    public void Seam_schema_exists(string name) => Assert.NotNull(Schema(name));

    [Theory]
    [InlineData("get", "/zoom_events/hubs", "getHubList", "Hubs")]
    [InlineData("post", "/zoom_events/events", "createEvent", "Events")]
    [InlineData("get", "/zoom_events/events", "getEvents", "Events")]
    [InlineData("get", "/zoom_events/events/{eventId}", "getEventInfo", "Events")]
    [InlineData("post", "/zoom_events/events/{eventId}/event_actions", "EventActions", "Events")]
    [InlineData("get", "/zoom_events/events/{eventId}/ticket_types", "getEventTicketTypes", "Ticket Types")]
    [InlineData("post", "/zoom_events/events/{eventId}/access_links", "createEventAccessLink", "Event Access")]
    [InlineData("get", "/zoom_events/events/{eventId}/access_links", "getEventAccessLinks", "Event Access")]
    [InlineData("get", "/zoom_events/events/{eventId}/access_links/{accessLinkId}", "GetEventAccessLink", "Event Access")]
    [InlineData("get", "/zoom_events/events/{eventId}/sessions", "getEventSessionList", "Sessions")]
    [InlineData("post", "/zoom_events/events/{eventId}/tickets", "createTickets", "Tickets")]
    [InlineData("get", "/zoom_events/events/{eventId}/tickets", "getTickets", "Tickets")]
    [InlineData("get", "/zoom_events/events/{eventId}/speakers", "getSpeakers", "Speakers")]
    [InlineData("get", "/zoom_events/events/{eventId}/exhibitors", "getExhibitors", "Exhibitors")]
    [InlineData("get", "/zoom_events/events/{eventId}/registrants", "getRegistrants", "Registrants")]
    public void Seam_operation_has_zoom_operation_id_and_tag(string method, string path, string operationId, string tag)
    {
        var op = Operation(method, path);
        Assert.Equal(operationId, op["operationId"]!.GetValue<string>());
        Assert.Equal(new[] { tag }, Strings(op["tags"]));
    }

    [Fact]
    public void Document_header_server_and_security()
    {
        // The JSON tree is re-serialized by Microsoft.OpenApi (which stamps its own 3.0.x), so read the file itself.
        Assert.Contains("openapi: 3.0.3", File.ReadLines(SpecFiles.ContractPath).Where(l => !l.StartsWith('#')).Take(1));
        Assert.Equal("https://api.zoom.us/v2", Assert.Single(Contract["servers"]!.AsArray())!["url"]!.GetValue<string>());
        Assert.Equal(new[] { "openapi_oauth" }, Keys(Assert.Single(Contract["security"]!.AsArray())));

        var scheme = Contract["components"]!["securitySchemes"]!["openapi_oauth"]!;
        Assert.Equal("oauth2", scheme["type"]!.GetValue<string>());
        Assert.Equal("https://zoom.us/oauth/token", scheme["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());

        Assert.Equal(
            new[] { "Hubs", "Events", "Event Access", "Ticket Types", "Sessions", "Tickets", "Speakers", "Exhibitors", "Registrants" },
            Contract["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray());
        Assert.All(SpecLinter.Operations(Contract), op => Assert.StartsWith("/zoom_events/", op.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("EventType", "SIMPLE_EVENT,CONFERENCE,RECURRING")]
    [InlineData("AccessLevel", "PRIVATE_UNRESTRICTED,PRIVATE_RESTRICTED,PUBLIC")]
    [InlineData("AttendanceType", "virtual,in-person,hybrid")]
    [InlineData("MeetingType", "MEETING,WEBINAR")]
    [InlineData("AccessLinkType", "registration,group-join")]
    [InlineData("AuthenticationMethod", "zoom_account,zoom_account_otp,corporate_idp,bypass_auth,accelerated_auth")]
    [InlineData("RecurringRegistrationOption", "all_sessions,single_session,multiple_sessions")]
    [InlineData("EventOperation", "publish,duplicate,cancel")]
    [InlineData("ValidationLevel", "standard,strict,none")]
    [InlineData("HubRoleType", "host,attendee")]
    [InlineData("RateLimitType", "QPS,Daily-limit")]
    public void String_enum_has_exactly_the_documented_values(string schema, string values)
    {
        Assert.Equal("string", Schema(schema)["type"]!.GetValue<string>());
        Assert.Equal(values.Split(','), Strings(Schema(schema)["enum"]));
    }

    [Fact]
    public void Ticket_error_codes_include_every_documented_code()
    {
        string[] documented =
        [
            "email_not_found", "ticket_type_notfound", "stock_not_exist", "invalid_sale_time",
            "invalid_api_registration_questions_answers", "ticket_generated_failed", "fast_join_with_registrationNeeded",
            "tickets_duplicate_custom_questions", "missing_required_questions", "non_configured_questions",
        ];
        Assert.Equal(documented, Strings(Schema("TicketErrorCode")["enum"]));
    }

    [Fact]
    public void Event_categories_keep_their_spaces_and_ampersands()
    {
        var categories = Strings(Schema("EventCategory")["enum"]);
        Assert.Equal(8, categories.Length);
        Assert.Contains("Education & Family", categories);
        Assert.Contains("Entertainment & Visual Arts", categories);
        Assert.Equal("#/components/schemas/EventCategory", Property("CreateEventRequest", "categories")["items"]!["$ref"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("RecurrenceType", "1,2,3", "Daily,Weekly,Monthly")]
    [InlineData("WeekDay", "1,2,3,4,5,6,7", "Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday")]
    [InlineData("MonthlyWeek", "-1,1,2,3,4", "Last,First,Second,Third,Fourth")]
    [InlineData("SessionType", "0,2,4", "Meeting,Webinar,Neither")]
    public void Integer_enum_names_its_values(string schema, string values, string names)
    {
        var node = Schema(schema);
        Assert.Equal("integer", node["type"]!.GetValue<string>());
        Assert.Equal(values.Split(',').Select(int.Parse).ToArray(), Ints(node["enum"]));
        Assert.Equal(names.Split(','), Strings(node["x-enum-varnames"]));
        Assert.Equal(node["enum"]!.AsArray().Count, node["x-enum-descriptions"]!.AsArray().Count);
    }

    [Fact]
    public void Recurrence_accepts_both_documented_shapes_of_weekly_and_monthly_days()
    {
        var weekly = Property("Recurrence", "weekly_days")["oneOf"]!.AsArray();
        Assert.Equal(new[] { "array", "string" }, weekly.Select(s => s!["type"]!.GetValue<string>()).ToArray());
        Assert.Equal("#/components/schemas/WeekDay", weekly[0]!["items"]!["$ref"]!.GetValue<string>());

        var monthly = Property("Recurrence", "monthly_days")["oneOf"]!.AsArray();
        Assert.Equal(new[] { "array", "integer" }, monthly.Select(s => s!["type"]!.GetValue<string>()).ToArray());

        Assert.Equal("#/components/schemas/RecurrenceType", Property("Recurrence", "type")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/MonthlyWeek", Property("Recurrence", "monthly_week")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/WeekDay", Property("Recurrence", "monthly_week_day")["$ref"]!.GetValue<string>());
        Assert.Equal("date-time", Property("Recurrence", "end_date_time")["format"]!.GetValue<string>());
    }

    [Fact]
    public void Calendar_entries_require_both_ends_in_utc()
    {
        Assert.Equal(new[] { "start_time", "end_time" }, Strings(Schema("CalendarEntry")["required"]));
        Assert.Equal("date-time", Property("CalendarEntry", "start_time")["format"]!.GetValue<string>());
        Assert.Equal("date-time", Property("CalendarEntry", "end_time")["format"]!.GetValue<string>());
        Assert.Equal(6, Property("CreateEventRequest", "calendar")["maxItems"]!.GetValue<int>());
    }

    [Fact]
    public void Security_at_join_accepts_the_spec_and_tutorial_spellings()
    {
        Assert.Equal(
            new[] { "email_authentication", "security_code_verification", "requires_authentication" },
            Keys(Schema("SecurityAtJoin")["properties"]));
        Assert.All(Schema("SecurityAtJoin")["properties"]!.AsObject(), p => Assert.Equal("boolean", p.Value!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Create_event_requires_exactly_the_spec_required_fields()
    {
        Assert.Equal(
            new[] { "name", "description", "timezone", "event_type", "access_level", "attendance_type", "hub_id" },
            Strings(Schema("CreateEventRequest")["required"]));
        Assert.Null(Schema("CreateEventRequest")["properties"]!["start_time"]); // read-only, never sent
    }

    [Fact]
    public void Ticket_shapes_carry_sessions_and_partial_success()
    {
        Assert.Equal(new[] { "email" }, Strings(Schema("TicketRequest")["required"]));
        Assert.Equal(200, Property("TicketRequest", "session_ids")["maxItems"]!.GetValue<int>());
        Assert.Equal(30, Property("CreateTicketsRequest", "tickets")["maxItems"]!.GetValue<int>());
        Assert.Equal("array", Property("Ticket", "session_ids")["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/CreatedTicket", Property("CreateTicketsResult", "tickets")["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/TicketCreationError", Property("CreateTicketsResult", "errors")["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal(
            new[] { "total_records", "next_page_token", "page_size", "tickets" },
            Keys(Schema("TicketList")["properties"]));
    }

    [Theory]
    [InlineData("HubList")]
    [InlineData("EventList")]
    [InlineData("SessionList")]
    [InlineData("TicketList")]
    [InlineData("TicketTypeList")]
    [InlineData("AccessLinkList")]
    public void Record_counts_are_numbers_as_zoom_sends_them(string list) =>
        Assert.Equal("number", Property(list, "total_records")["type"]!.GetValue<string>());

    [Fact]
    public void Zoom_error_shape()
    {
        Assert.Equal(new[] { "code", "message" }, Strings(Schema("ZoomError")["required"]));
        Assert.Equal("int32", Property("ZoomError", "code")["format"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ZoomFieldError", Property("ZoomError", "errors")["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal(new[] { "field", "message" }, Keys(Schema("ZoomFieldError")["properties"]));
    }

    [Fact]
    public void Paging_parameters_follow_zoom_limits()
    {
        var pageSize = Contract["components"]!["parameters"]!["PageSize"]!;
        Assert.Equal("page_size", pageSize["name"]!.GetValue<string>());
        Assert.Equal(1, pageSize["schema"]!["minimum"]!.GetValue<int>());
        Assert.Equal(300, pageSize["schema"]!["maximum"]!.GetValue<int>());
        Assert.Equal(30, pageSize["schema"]!["default"]!.GetValue<int>());
        Assert.Equal("next_page_token", Contract["components"]!["parameters"]!["NextPageToken"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Rate_limit_response_documents_its_headers()
    {
        var tooMany = Contract["components"]!["responses"]!["TooManyRequests"]!;
        Assert.Equal(SpecLinter.RateLimitHeaders, Keys(tooMany["headers"]));
        Assert.Equal("string", SpecJson.Resolve(Contract, tooMany["headers"]!["Retry-After"]!)["schema"]!["type"]!.GetValue<string>());
        Assert.Equal(
            "#/components/schemas/RateLimitType",
            SpecJson.Resolve(Contract, tooMany["headers"]!["X-RateLimit-Type"]!)["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Event_actions_document_both_success_codes()
    {
        var responses = Keys(Operation("post", "/zoom_events/events/{eventId}/event_actions")["responses"]);
        Assert.Contains("200", responses);
        Assert.Contains("201", responses);
    }

    [Fact]
    public void Every_date_time_field_of_the_flow_is_formatted()
    {
        foreach (var (schema, property) in new[]
                 {
                     ("Event", "lobby_start_time"), ("CreateEventRequest", "lobby_end_time"), ("Session", "start_time"),
                     ("Session", "end_time"), ("DuplicateEventOptions", "start_time"),
                 })
        {
            Assert.Equal("date-time", Property(schema, property)["format"]!.GetValue<string>());
        }

        // Ticket-type sale windows are plain strings in Zoom's answers, so they must not claim date-time.
        Assert.Null(Property("TicketType", "start_time")["format"]);
    }

    [Fact]
    public void Schemas_are_named_components_not_inline_objects()
    {
        var inline = new List<string>();
        foreach (var (name, schema) in Contract["components"]!["schemas"]!.AsObject())
        {
            foreach (var (property, node) in (schema!["properties"] as JsonObject) ?? [])
            {
                var candidate = node?["items"] ?? node;
                if (candidate?["type"]?.GetValue<string>() == "object" && candidate["additionalProperties"] is null)
                {
                    inline.Add($"{name}.{property}");
                }
            }
        }

        Assert.True(inline.Count == 0, "Inline object schemas should be components: " + string.Join(", ", inline));
    }
}
