using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Conformance.Pacts;

namespace ZoomEvents.Conformance.Tests;

public sealed class PactCheckerTests(ITestOutputHelper output)
{
    private sealed record BadCase(int Interaction, Action<JsonObject> Edit, string Code, string Pointer, Severity Severity = Severity.Error);

    // Each case applies one edit to an interaction of the good pact; exactly one finding must come out of the whole file.
    private static readonly Dictionary<string, BadCase> BadCases = new()
    {
        ["unknown path"] = new(0, i => Request(i)["path"] = "/v2/zoom_events/hubz", RuleCodes.RequestPathOrMethodUnknown, "/request/path"),
        ["path outside the base path"] = new(0, i => Request(i)["path"] = "/v1/zoom_events/hubs", RuleCodes.RequestPathOrMethodUnknown, "/request/path"),
        ["path without the server base path"] = new(0, i => Request(i)["path"] = "/zoom_events/hubs", RuleCodes.RequestPathOrMethodUnknown, "/request/path"),
        ["wrong method"] = new(3, i => Request(i)["method"] = "PUT", RuleCodes.RequestPathOrMethodUnknown, "/request/method"),
        ["request body field of the wrong type"] = new(2, i => RequestBody(i)["name"] = 42, RuleCodes.RequestBodyIncompatible, "/request/body/name"),
        ["request body null where not nullable"] = new(2, i => RequestBody(i)["name"] = null, RuleCodes.RequestBodyIncompatible, "/request/body/name"),
        ["request body enum value outside the set"] = new(2, i => RequestBody(i)["event_type"] = "WEBINAR", RuleCodes.RequestBodyIncompatible, "/request/body/event_type"),
        ["request body bad date-time"] = new(2, i => RequestBody(i)["start_time"] = "2026-03-02 09:00", RuleCodes.RequestBodyIncompatible, "/request/body/start_time"),
        ["request body bad email"] = new(2, i => RequestBody(i)["contact_email"] = "not-an-email", RuleCodes.RequestBodyIncompatible, "/request/body/contact_email"),
        ["request body missing required field"] = new(2, i => RequestBody(i).Remove("start_time"), RuleCodes.RequestBodyIncompatible, "/request/body/start_time"),
        ["request body nested in nullable allOf"] = new(2, i => RequestBody(i)["recurrence"]!["type"] = 9, RuleCodes.RequestBodyIncompatible, "/request/body/recurrence/type"),
        ["request body array item"] = new(4, i => RequestBody(i)["tickets"]![1]!["email"] = "bob", RuleCodes.RequestBodyIncompatible, "/request/body/tickets/1/email"),
        ["base64-encoded request body"] = new(2, i => Request(i)["body"] = Base64Body("""{"name":42,"hub_id":"h","start_time":"2026-03-02T09:00:00Z"}"""), RuleCodes.RequestBodyIncompatible, "/request/body/name"),
        ["request body wrong content type"] = new(2, i => Request(i)["body"]!["contentType"] = "text/plain", RuleCodes.RequestContentTypeIncompatible, "/request/headers/Content-Type"),
        ["request body where none is declared"] = new(3, i => Request(i)["body"] = Json("""{"content":{"x":1},"contentType":"application/json","encoded":false}"""), RuleCodes.RequestBodyUnknown, "/request/body", Severity.Warning),
        ["query enum value outside the set"] = new(0, i => Request(i)["query"]!["role_type"] = new JsonArray("owner"), RuleCodes.RequestQueryIncompatible, "/request/query/role_type"),
        ["query of the wrong type"] = new(1, i => Request(i)["query"]!["page_size"] = new JsonArray("many"), RuleCodes.RequestQueryIncompatible, "/request/query/page_size"),
        ["query out of range"] = new(1, i => Request(i)["query"]!["page_size"] = new JsonArray("500"), RuleCodes.RequestQueryIncompatible, "/request/query/page_size"),
        ["required query missing"] = new(0, i => ((JsonObject)Request(i)["query"]!).Remove("role_type"), RuleCodes.RequestQueryIncompatible, "/request/query/role_type"),
        ["undeclared query"] = new(1, i => Request(i)["query"]!["sort"] = new JsonArray("asc"), RuleCodes.RequestQueryUnknown, "/request/query/sort", Severity.Warning),
        ["undeclared request header"] = new(1, i => Request(i)["headers"]!["X-Debug"] = new JsonArray("1"), RuleCodes.RequestHeaderUnknown, "/request/headers/X-Debug", Severity.Warning),
        ["accept not offered"] = new(0, i => Request(i)["headers"]!["Accept"] = new JsonArray("text/csv"), RuleCodes.RequestAcceptIncompatible, "/request/headers/Accept"),
        ["accept where no response media type is documented"] = new(5, i => Request(i)["headers"]!["Accept"] = new JsonArray("application/json"), RuleCodes.RequestAcceptUnknown, "/request/headers/Accept", Severity.Warning),
        ["no credentials"] = new(3, i => ((JsonObject)Request(i)["headers"]!).Remove("Authorization"), RuleCodes.RequestAuthorizationMissing, "/request/headers/Authorization"),
        ["undocumented status"] = new(2, i => Response(i)["status"] = 418, RuleCodes.ResponseStatusUnknown, "/response/status"),
        ["status only covered by default"] = new(3, i => NotFound(Response(i)), RuleCodes.ResponseStatusDefault, "/response/status", Severity.Warning),
        ["extra response field"] = new(3, i => ResponseBody(i)["secret_flag"] = true, RuleCodes.ResponseBodyIncompatible, "/response/body/secret_flag"),
        ["extra field in a merged allOf response"] = new(1, i => ResponseBody(i)["events"]![0]!["venue"] = "Berlin", RuleCodes.ResponseBodyIncompatible, "/response/body/events/0/venue"),
        ["extra field in a oneOf response item"] = new(4, i => ResponseBody(i)["tickets"]![0]!["seat"] = "A1", RuleCodes.ResponseBodyIncompatible, "/response/body/tickets/0/seat"),
        ["response enum value outside the set"] = new(1, i => ResponseBody(i)["events"]![0]!["status"] = "archived", RuleCodes.ResponseBodyIncompatible, "/response/body/events/0/status"),
        ["response bad date-time"] = new(1, i => ResponseBody(i)["events"]![0]!["start_time"] = "2026-03-01", RuleCodes.ResponseBodyIncompatible, "/response/body/events/0/start_time"),
        ["response date-time without offset"] = new(3, i => ResponseBody(i)["start_time"] = "2026-03-01T09:00:00", RuleCodes.ResponseBodyIncompatible, "/response/body/start_time"),
        ["response field of the wrong type"] = new(1, i => ResponseBody(i)["total_records"] = "1", RuleCodes.ResponseBodyIncompatible, "/response/body/total_records"),
        ["response body where none is documented"] = new(5, i => Response(i)["body"] = Json("""{"content":{"ok":true},"contentType":"application/json","encoded":false}"""), RuleCodes.ResponseBodyUnknown, "/response/body"),
        ["response header of the wrong type"] = new(1, i => Response(i)["headers"]!["X-RateLimit-Remaining"] = new JsonArray("lots"), RuleCodes.ResponseHeaderIncompatible, "/response/headers/X-RateLimit-Remaining"),
        ["response header never promised"] = new(3, i => Response(i)["headers"]!["X-Zoom-Trace"] = new JsonArray("abc"), RuleCodes.ResponseHeaderUnknown, "/response/headers/X-Zoom-Trace"),
        ["response content type not documented"] = new(3, i => Response(i)["body"]!["contentType"] = "application/xml", RuleCodes.ResponseContentTypeIncompatible, "/response/headers/Content-Type"),
    };

    public static TheoryData<string> BadCaseNames => new(BadCases.Keys);

    [Fact]
    public void The_good_pact_has_no_findings()
    {
        var pact = PactFile.Load(Fixture.PathOf("good-pact.v4.json"));
        var result = new PactChecker(Fixture.MiniSpec).Check(pact);
        output.WriteLine(result.ToString());

        Assert.Equal(7, result.InteractionCount); // the message interaction is not HTTP and is left out
        Assert.Empty(result.Findings);
    }

    [Theory]
    [MemberData(nameof(BadCaseNames))]
    public void A_single_defect_yields_exactly_its_rule_and_pointer(string name)
    {
        var bad = BadCases[name];
        var json = Fixture.GoodPactJson();
        bad.Edit((JsonObject)json["interactions"]![bad.Interaction]!);

        var result = new PactChecker(Fixture.MiniSpec).Check(Fixture.ToPact(json));
        output.WriteLine(result.ToString());

        var finding = Assert.Single(result.Findings);
        Assert.Equal((bad.Code, bad.Pointer, bad.Severity), (finding.Code, finding.Pointer, finding.Severity));
        Assert.Equal(bad.Interaction, finding.InteractionIndex);
        Assert.Equal(bad.Severity == Severity.Error, result.HasErrors);
    }

    [Fact]
    public void A_request_body_is_not_validated_when_the_consumer_expects_a_client_error()
    {
        // Interaction 6 sends an invalid body on purpose and expects 400; the good-pact test already proves it passes.
        // Here the same body with a 201 must be reported.
        var json = Fixture.GoodPactJson();
        var interaction = (JsonObject)json["interactions"]![6]!;
        Response(interaction)["status"] = 201;
        Response(interaction)["body"] = Json("""{"content":{"event_id":"e1"},"contentType":"application/json","encoded":false}""");

        var result = new PactChecker(Fixture.MiniSpec).Check(Fixture.ToPact(json));

        Assert.Equal(["/request/body/name", "/request/body/start_time"], result.Findings.Select(f => f.Pointer).Order().ToArray());
        Assert.All(result.Findings, f => Assert.Equal(RuleCodes.RequestBodyIncompatible, f.Code));
    }

    [Fact]
    public void A_finding_prints_code_interaction_pointer_and_operation()
    {
        var json = Fixture.GoodPactJson();
        ResponseBody((JsonObject)json["interactions"]![3]!)["secret_flag"] = true;

        var finding = new PactChecker(Fixture.MiniSpec).Check(Fixture.ToPact(json, "/tmp/client-api.json")).Findings.Single();

        Assert.Equal(
            "error response.body.incompatible in client-api.json #3 'a request for one event' at /response/body/secret_flag: "
            + "property 'secret_flag' is not declared in the schema [getEventInfo GET /zoom_events/events/{eventId}]",
            finding.ToString());
    }

    [Fact]
    public void A_path_missing_the_base_path_says_where_the_provider_serves_it()
    {
        var json = Fixture.GoodPactJson();
        Request((JsonObject)json["interactions"]![0]!)["path"] = "/zoom_events/hubs";

        var finding = new PactChecker(Fixture.MiniSpec).Check(Fixture.ToPact(json)).Findings.Single();

        Assert.Contains("'/v2/zoom_events/hubs'", finding.Message);
    }

    [Theory]
    [InlineData("https://api.example.com")]
    [InlineData("https://api.example.com/")]
    [InlineData("/")]
    public void A_spec_whose_server_has_no_base_path_matches_paths_as_they_are(string serverUrl)
    {
        var spec = ResponseCompositionTests.SpecReturning("Bark", servers: "    - url: " + serverUrl);

        var accepted = new PactChecker(spec).Check(ResponseCompositionTests.PactWith("/pets/p1", """{"bark":true}"""));
        var prefixed = new PactChecker(spec).Check(ResponseCompositionTests.PactWith("/v2/pets/p1", """{"bark":true}"""));

        Assert.Empty(accepted.Findings);
        Assert.Equal(RuleCodes.RequestPathOrMethodUnknown, Assert.Single(prefixed.Findings).Code);
    }

    [Fact]
    public void A_folder_without_pacts_yields_the_no_pacts_found_notice()
    {
        var empty = Directory.CreateTempSubdirectory("conformance-no-pacts-");
        try
        {
            var report = new PactChecker(Fixture.MiniSpec).CheckPath(empty.FullName);
            output.WriteLine(report.ToString());

            Assert.True(report.FoundNoPacts);
            var notice = Assert.Single(report.Findings);
            Assert.Equal((RuleCodes.NoPactsFound, Severity.Warning), (notice.Code, notice.Severity));
            Assert.Contains(empty.FullName, notice.ToString());
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Older_pact_formats_are_read()
    {
        const string v2 = """
            {
              "consumer": {"name": "c"}, "provider": {"name": "p"},
              "interactions": [{
                "description": "v2 hubs",
                "request": {"method": "get", "path": "/v2/zoom_events/hubs", "query": "role_type=attendee",
                            "headers": {"Authorization": "Bearer t"}},
                "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                             "body": {"hubs": [{"hub_id": 7}]}}
              }],
              "metadata": {"pactSpecification": {"version": "2.0.0"}}
            }
            """;
        var result = new PactChecker(Fixture.MiniSpec).Check(PactFile.Parse(v2, "v2.json"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleCodes.ResponseBodyIncompatible, "/response/body/hubs/0/hub_id"), (finding.Code, finding.Pointer));
    }

    [Fact]
    public void A_query_string_kept_inside_the_path_is_checked()
    {
        const string v3 = """
            {
              "consumer": {"name": "c"}, "provider": {"name": "p"},
              "interactions": [{
                "description": "v3 events with the query in the path",
                "request": {"method": "GET", "path": "/v2/zoom_events/events?page_size=0", "headers": {"Authorization": "Bearer t"}},
                "response": {"status": 200}
              }],
              "metadata": {"pactSpecification": {"version": "3.0.0"}}
            }
            """;
        var result = new PactChecker(Fixture.MiniSpec).Check(PactFile.Parse(v3, "v3.json"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal((RuleCodes.RequestQueryIncompatible, "/request/query/page_size"), (finding.Code, finding.Pointer));
        Assert.Contains("Query parameter 'page_size'", finding.Message);
    }

    [Fact]
    public void Unreadable_pacts_raise_a_load_error_naming_the_file()
    {
        var error = Assert.Throws<Spec.ConformanceLoadException>(() => PactFile.Parse("{ not json", "broken.json"));
        Assert.Contains("broken.json", error.Message);
        var noRequest = Assert.Throws<Spec.ConformanceLoadException>(() => PactFile.Parse("""{"interactions":[{"description":"x","response":{}}]}""", "p.json"));
        Assert.Contains("has no request", noRequest.Message);
    }

    private static JsonObject Request(JsonObject interaction) => (JsonObject)interaction["request"]!;

    private static JsonObject Response(JsonObject interaction) => (JsonObject)interaction["response"]!;

    private static JsonObject RequestBody(JsonObject interaction) => (JsonObject)Request(interaction)["body"]!["content"]!;

    private static JsonObject ResponseBody(JsonObject interaction) => (JsonObject)Response(interaction)["body"]!["content"]!;

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    private static JsonObject Base64Body(string json) => new()
    {
        ["content"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)),
        ["contentType"] = "application/json",
        ["encoded"] = "base64",
    };

    private static void NotFound(JsonObject response)
    {
        response["status"] = 404;
        response["body"] = Json("""{"content":{"code":3001,"message":"Event does not exist."},"contentType":"application/json","encoded":false}""");
    }
}
