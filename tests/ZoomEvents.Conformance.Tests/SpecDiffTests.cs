using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Conformance.Diff;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Tests;

public sealed class SpecDiffTests(ITestOutputHelper output)
{
    private sealed record Expected(string Rule, string Pointer, bool Breaking);

    private sealed record EditCase(Func<string, string> Edit, params Expected[] Changes);

    private const string Events = "/paths/~1zoom_events~1events";
    private const string Event = "/paths/~1zoom_events~1events~1{eventId}";
    private const string Tickets = "/paths/~1zoom_events~1events~1{eventId}~1tickets";
    private const string Schemas = "/components/schemas";

    // Each case edits the fixture spec text; the diff must report exactly the listed changes.
    private static readonly Dictionary<string, EditCase> Cases = new()
    {
        ["operation removed"] = new(
            Replace("    delete:\n      operationId: deleteEvent\n      tags: [Events]\n      responses:\n        '204':\n          description: Deleted\n", ""),
            new Expected("operation-removed", Event + "/delete", true)),
        ["operation added"] = new(
            Replace("          description: Deleted\n", "          description: Deleted\n    put:\n      operationId: replaceEvent\n      responses:\n        '204':\n          description: Replaced\n"),
            new Expected("operation-added", Event + "/put", false)),
        ["operationId renamed"] = new(
            Replace("operationId: getEvents", "operationId: listEvents"),
            new Expected("operation-id-changed", Events + "/get/operationId", true)),
        ["tag changed"] = new(
            Replace("operationId: createTickets\n      tags: [Tickets]", "operationId: createTickets\n      tags: [Registrants]"),
            new Expected("operation-tag-changed", Tickets + "/post/tags", true)),
        ["base path changed"] = new(
            Replace("https://api.zoom.us/v2", "https://api.zoom.us/v3"),
            new Expected("server-base-path-changed", "/servers/0/url", true)),
        ["query parameter removed"] = new(
            Replace("        - name: page_size\n          in: query\n          schema: {type: integer, minimum: 1, maximum: 300}\n", ""),
            new Expected("parameter-removed", Events + "/get/parameters/0", true)),
        ["optional query parameter added"] = new(
            Replace("        - name: next_page_token\n", "        - name: hub_id\n          in: query\n          schema: {type: string}\n        - name: next_page_token\n"),
            new Expected("optional-parameter-added", Events + "/get/parameters/1", false)),
        ["required query parameter added"] = new(
            Replace("        - name: next_page_token\n", "        - name: hub_id\n          in: query\n          required: true\n          schema: {type: string}\n        - name: next_page_token\n"),
            new Expected("required-parameter-added", Events + "/get/parameters/1", true)),
        ["parameter became required"] = new(
            Replace("        - name: page_size\n          in: query\n", "        - name: page_size\n          in: query\n          required: true\n"),
            new Expected("parameter-became-required", Events + "/get/parameters/0/required", true)),
        ["parameter type changed"] = new(
            Replace("schema: {type: integer, minimum: 1, maximum: 300}", "schema: {type: string}"),
            new Expected("type-changed", Events + "/get/parameters/0/schema", true)),
        ["parameter range narrowed"] = new(
            Replace("minimum: 1, maximum: 300}", "minimum: 1, maximum: 100}"),
            new Expected("constraint-narrowed", Events + "/get/parameters/0/schema/maximum", true)),
        ["renamed path parameter is no change"] = new(
            Replace("  /zoom_events/events/{eventId}:\n    parameters:\n      - name: eventId", "  /zoom_events/events/{id}:\n    parameters:\n      - name: id")),
        ["description-only edit is no change"] = new(Replace("description: Tickets created", "description: The tickets that were created")),
        ["request property removed"] = new(
            Replace("        last_name: {type: string}\n", ""),
            new Expected("property-removed", Schemas + "/TicketRequest/properties/last_name", true)),
        ["optional request property added"] = new(
            Replace("        last_name: {type: string}\n", "        last_name: {type: string}\n        company: {type: string}\n"),
            new Expected("property-added", Schemas + "/TicketRequest/properties/company", false)),
        ["request property became required"] = new(
            Replace("required: [email]", "required: [email, ticket_type_id]"),
            new Expected("property-became-required", Schemas + "/TicketRequest/properties/ticket_type_id", true)),
        ["required request property added"] = new(
            Replace("      required: [tickets]\n      properties:\n", "      required: [tickets, source]\n      properties:\n        source: {type: string}\n"),
            new Expected("required-property-added", Schemas + "/CreateTicketsRequest/properties/source", true)),
        ["required property added to a response-only schema"] = new(
            Replace("      required: [hub_id, name]\n      properties:\n", "      required: [hub_id, name, region]\n      properties:\n        region: {type: string}\n"),
            new Expected("property-added", Schemas + "/Hub/properties/region", false)),
        ["response property no longer required"] = new(
            Replace("required: [hub_id, name]", "required: [hub_id]"),
            new Expected("property-became-optional", Schemas + "/Hub/properties/name", true)),
        ["enum value removed"] = new(
            Replace("enum: [in-person, virtual, hybrid]", "enum: [in-person, virtual]"),
            new Expected("enum-value-removed", Schemas + "/AttendanceType/enum", true)),
        ["enum value added"] = new(
            Replace("enum: [in-person, virtual, hybrid]", "enum: [in-person, virtual, hybrid, on-demand]"),
            new Expected("enum-value-added", Schemas + "/AttendanceType/enum", false)),
        ["integer enum value removed"] = new(
            Replace("type: {type: integer, enum: [1, 2, 3]}", "type: {type: integer, enum: [1, 2]}"),
            new Expected("enum-value-removed", Schemas + "/Recurrence/properties/type/enum", true)),
        ["response property became nullable"] = new(
            Replace("        message: {type: string}\n", "        message: {type: string, nullable: true}\n"),
            new Expected("became-nullable", Schemas + "/ZoomError/properties/message", true)),
        ["request property became nullable"] = new(
            Replace("        first_name: {type: string}\n", "        first_name: {type: string, nullable: true}\n"),
            new Expected("became-nullable", Schemas + "/TicketRequest/properties/first_name", false)),
        ["date-time format dropped"] = new(
            Replace("        end_time: {type: string, format: date-time}\n", "        end_time: {type: string}\n"),
            new Expected("format-changed", Schemas + "/EventBase/properties/end_time/format", true)),
        ["property type changed"] = new(
            Replace("        total_records: {type: integer}\n", "        total_records: {type: string}\n"),
            new Expected("type-changed", Schemas + "/EventList/properties/total_records", true)),
        ["reference retargeted"] = new(
            Replace("                $ref: '#/components/schemas/HubList'", "                $ref: '#/components/schemas/EventList'"),
            new Expected("type-changed", "/paths/~1zoom_events~1hubs/get/responses/200/content/application~1json/schema", true)),
        ["request length narrowed"] = new(
            Replace("name: {type: string, maxLength: 200}", "name: {type: string, maxLength: 100}"),
            new Expected("constraint-narrowed", Schemas + "/EventBase/properties/name/maxLength", true)),
        ["request length relaxed"] = new(
            Replace("name: {type: string, maxLength: 200}", "name: {type: string, maxLength: 400}"),
            new Expected("constraint-relaxed", Schemas + "/EventBase/properties/name/maxLength", false)),
        ["success status changed"] = new(
            Replace("        '201':\n          description: Tickets created", "        '200':\n          description: Tickets created"),
            new Expected("response-status-removed", Tickets + "/post/responses/201", true),
            new Expected("response-status-added", Tickets + "/post/responses/200", true)),
        ["error status no longer documented"] = new(
            Replace("        '400':\n          description: Invalid request\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/ZoomError'\n", ""),
            new Expected("response-status-removed", Events + "/post/responses/400", false)),
        ["error status documented"] = new(
            Replace("        '204':\n          description: Deleted\n", "        '204':\n          description: Deleted\n        '404':\n          description: Not found\n"),
            new Expected("response-status-added", Event + "/delete/responses/404", false)),
        ["response header removed"] = new(
            Replace("          headers:\n            X-RateLimit-Remaining:\n              schema: {type: integer}\n", ""),
            new Expected("response-header-removed", Events + "/get/responses/200/headers/X-RateLimit-Remaining", true)),
        ["oneOf variant added to a response"] = new(
            Replace("              - $ref: '#/components/schemas/TicketCreationError'\n", "              - $ref: '#/components/schemas/TicketCreationError'\n              - $ref: '#/components/schemas/Hub'\n"),
            new Expected("oneOf-member-added", Schemas + "/CreateTicketsResult/properties/tickets/items/oneOf", true)),
        ["allOf flattened into an equivalent object"] = new(
            Replace(AllOfCreateEventRequest, FlatCreateEventRequest),
            new Expected("allOf-restructured", Schemas + "/CreateEventRequest", false)),
        ["allOf flattened but a field dropped"] = new(
            Replace(AllOfCreateEventRequest, FlatCreateEventRequest.Replace("        contact_email: {type: string, format: email}\n", "", StringComparison.Ordinal)),
            new Expected("allOf-restructured", Schemas + "/CreateEventRequest", false),
            new Expected("property-removed", Schemas + "/CreateEventRequest/properties/contact_email", true)),
        ["operation opened to anonymous callers"] = new(
            Replace("      operationId: deleteEvent\n", "      operationId: deleteEvent\n      security: []\n"),
            new Expected("security-changed", Event + "/delete/security", false)),
        ["operation moved to another security scheme"] = new(
            text => Replace("      operationId: deleteEvent\n", "      operationId: deleteEvent\n      security:\n        - apiKey: []\n")(
                Replace("  securitySchemes:\n", "  securitySchemes:\n    apiKey:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n")(text)),
            new Expected("security-changed", Event + "/delete/security", true)),
        ["response header type changed"] = new(
            Replace("            X-RateLimit-Remaining:\n              schema: {type: integer}\n", "            X-RateLimit-Remaining:\n              schema: {type: string}\n"),
            new Expected("type-changed", Events + "/get/responses/200/headers/X-RateLimit-Remaining/schema", true)),
        ["component schema added"] = new(
            Replace("    ZoomError:\n", "    Speaker:\n      type: object\n      properties:\n        name: {type: string}\n    ZoomError:\n"),
            new Expected("schema-added", Schemas + "/Speaker", false)),
    };

    private const string AllOfCreateEventRequest = """
            CreateEventRequest:
              allOf:
                - $ref: '#/components/schemas/EventBase'
                - type: object
                  required: [hub_id]
                  properties:
                    hub_id: {type: string}

        """;

    // The same object as AllOfCreateEventRequest, spelled out without allOf.
    private const string FlatCreateEventRequest = """
            CreateEventRequest:
              type: object
              required: [name, start_time, hub_id]
              properties:
                name: {type: string, maxLength: 200}
                description:
                  type: string
                  nullable: true
                start_time: {type: string, format: date-time}
                end_time: {type: string, format: date-time}
                timezone: {type: string}
                event_type:
                  $ref: '#/components/schemas/EventType'
                attendance_type:
                  $ref: '#/components/schemas/AttendanceType'
                contact_email: {type: string, format: email}
                recurrence:
                  nullable: true
                  allOf:
                    - $ref: '#/components/schemas/Recurrence'
                hub_id: {type: string}

        """;

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_spec_edit_is_classified(string name)
    {
        var oldText = Fixture.Text("mini-zoom-events.yaml");
        var newText = Cases[name].Edit(oldText);
        var report = SpecDiff.Compare(OpenApiSpec.Parse(oldText, "old.yaml"), OpenApiSpec.Parse(newText, "new.yaml"));
        output.WriteLine(report.ToString());

        var actual = report.Changes.Select(c => new Expected(c.Rule, c.Pointer, c.Breaking)).OrderBy(c => c.Pointer, StringComparer.Ordinal);
        var expected = Cases[name].Changes.OrderBy(c => c.Pointer, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(Cases[name].Changes.Any(c => c.Breaking), report.HasBreakingChanges);
    }

    [Fact]
    public void Identical_specs_have_no_changes()
    {
        var spec = Fixture.MiniSpec;
        Assert.Empty(SpecDiff.Compare(spec, spec).Changes);
    }

    [Fact]
    public void The_report_prints_as_text_and_json()
    {
        var oldText = Fixture.Text("mini-zoom-events.yaml");
        var newText = oldText.Replace("enum: [in-person, virtual, hybrid]", "enum: [in-person, virtual]", StringComparison.Ordinal);
        var report = SpecDiff.Compare(OpenApiSpec.Parse(oldText, "old.yaml"), OpenApiSpec.Parse(newText, "new.yaml"));

        Assert.Equal(
            "Compared old.yaml -> new.yaml: 1 breaking, 0 non-breaking change(s)" + Environment.NewLine
            + "  BREAKING enum-value-removed at /components/schemas/AttendanceType/enum: Enum value \"hybrid\" was removed (its generated member disappears).",
            report.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        Assert.Equal(1, json.RootElement.GetProperty("breaking").GetInt32());
        var change = json.RootElement.GetProperty("changes")[0];
        Assert.Equal("breaking", change.GetProperty("classification").GetString());
        Assert.Equal("/components/schemas/AttendanceType/enum", change.GetProperty("pointer").GetString());
    }

    private static Func<string, string> Replace(string from, string to) => text =>
    {
        // Guard against fixture drift: an edit that no longer applies must fail loudly, not pass as "no change".
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    };
}
