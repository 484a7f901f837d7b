using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ZoomEvents.Pact.Tests;

/// <summary>Real round trips through the engine's mock server with a plain HttpClient.</summary>
public sealed class ConsumerTests(ITestOutputHelper output) : IDisposable
{
    private const string Consumer = "ConsumerTestClient";
    private const string Provider = "ConsumerTestProvider";
    private readonly TempDir _dir = new();

    private PactV4 NewPact() => Pact.V4(Consumer, Provider, new PactConfig { PactDir = _dir.Path, Output = output.WriteLine });

    private static HttpRequestBuilder DescribeCreateEvent(PactV4 pact) =>
        pact.UponReceiving("create a recurring event")
            .Given("a hub exists", new { hubId = "hub_1234567890", seats = "10" })
            .WithReference("openapi", "operationId", "createEvent")
            .WithRequest(HttpMethod.Post, "/v2/zoom_events/events")
            .WithQuery("validation_level", "strict")
            .WithHeader("Authorization", Match.Regex("Bearer token-1", "^Bearer .+$"))
            .WithJsonBody(new { name = "Launch", hub_id = "hub_1234567890", recurring_registration_option = "all_sessions" });

    [Fact]
    public async Task Matching_requests_write_the_expected_V4_pact()
    {
        using var pact = NewPact();
        DescribeCreateEvent(pact)
            .WillRespond()
            .WithStatus(HttpStatusCode.Created)
            .WithHeader("X-Request-Id", Match.Regex("req-abc", "^req-[a-z]+$"))
            .WithJsonBody(new
            {
                event_id = Match.Regex("evt_1234567890", "^[A-Za-z0-9_-]{10,}$"),
                created_at = Match.DateTime(Match.UtcDateTimeFormat, "2026-03-01T10:00:00Z"),
                sessions = Match.EachLike(new { session_id = Match.Type("ses_1234567890"), seats = Match.Integer(50) }, min: 2),
            });

        JsonNode? answer = null;
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var request = new HttpRequestMessage(HttpMethod.Post, "v2/zoom_events/events?validation_level=strict")
            {
                Content = JsonContent.Create(new { name = "Launch", hub_id = "hub_1234567890", recurring_registration_option = "all_sessions" }),
            };
            request.Headers.Authorization = new("Bearer", "another-token");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("req-abc", response.Headers.GetValues("X-Request-Id").Single());
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        });

        // The mock answers with the examples, and EachLike(min: 2) really gives two elements.
        Assert.Equal("evt_1234567890", (string?)answer!["event_id"]);
        Assert.Equal(2, answer["sessions"]!.AsArray().Count);

        var file = _dir.ReadPact(Consumer, Provider);
        output.WriteLine(file.ToJsonString(new() { WriteIndented = true }));
        Assert.Equal("4.0", (string?)file["metadata"]!["pactSpecification"]!["version"]);
        Assert.Equal(Pact.EngineVersion, (string?)file["metadata"]!["pactRust"]!["ffi"]);
        Assert.Equal("ZoomEvents.Pact", (string?)file["metadata"]!["pactCsharp"]!["name"]);
        var interaction = Assert.Single(file["interactions"]!.AsArray())!.AsObject();
        Assert.Equal("Synchronous/HTTP", (string?)interaction["type"]);
        Assert.Equal("create a recurring event", (string?)interaction["description"]);
        // Parameters keep their JSON types: "10" stays a string (pact-net #449).
        AssertJson("""[{"name":"a hub exists","params":{"hubId":"hub_1234567890","seats":"10"}}]""", interaction["providerStates"]);
        AssertJson("\"createEvent\"", interaction["comments"]!["references"]!["openapi"]!["operationId"]);

        var request = interaction["request"]!;
        Assert.Equal("POST", (string?)request["method"]);
        Assert.Equal("/v2/zoom_events/events", (string?)request["path"]);
        AssertJson("""{"validation_level":["strict"]}""", request["query"]);
        AssertJson("""{"name":"Launch","hub_id":"hub_1234567890","recurring_registration_option":"all_sessions"}""", request["body"]!["content"]);
        AssertJson("""{"combine":"AND","matchers":[{"match":"regex","regex":"^Bearer .+$"}]}""", request["matchingRules"]!["header"]!["Authorization"]);

        var response = interaction["response"]!;
        Assert.Equal(201, (int?)response["status"]);
        var rules = response["matchingRules"]!["body"]!;
        AssertJson("""{"combine":"AND","matchers":[{"match":"regex","regex":"^[A-Za-z0-9_-]{10,}$"}]}""", rules["$.event_id"]);
        AssertJson("""{"combine":"AND","matchers":[{"format":"yyyy-MM-dd'T'HH:mm:ss'Z'","match":"datetime"}]}""", rules["$.created_at"]);
        AssertJson("""{"combine":"AND","matchers":[{"match":"type","min":2}]}""", rules["$.sessions"]);
        // Recorded once for [*] even though the example holds two elements.
        AssertJson("""{"combine":"AND","matchers":[{"match":"integer"}]}""", rules["$.sessions[*].seats"]);
        AssertJson("""{"combine":"AND","matchers":[{"match":"regex","regex":"^req-[a-z]+$"}]}""", response["matchingRules"]!["header"]!["X-Request-Id"]);
    }

    [Fact]
    public async Task A_wrong_field_value_fails_with_a_message_naming_the_field()
    {
        using var pact = NewPact();
        DescribeCreateEvent(pact).WillRespond().WithStatus(201).WithJsonBody(new { event_id = "evt_1234567890" });

        var ex = await Assert.ThrowsAsync<PactMismatchException>(() => pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            http.DefaultRequestHeaders.Authorization = new("Bearer", "t");
            using var response = await http.PostAsJsonAsync("v2/zoom_events/events?validation_level=strict",
                new { name = "Launch", hub_id = "hub_1234567890", recurring_registration_option = "allSessions" });
            // The mock answers 500 on a mismatch; the client under test would throw here.
            response.EnsureSuccessStatusCode();
        }));
        output.WriteLine(ex.Message);

        Assert.Contains("$.recurring_registration_option", ex.Message);
        Assert.Contains("\"all_sessions\"", ex.Message);
        Assert.Contains("\"allSessions\"", ex.Message);
        var mismatch = Assert.Single(ex.Mismatches);
        Assert.Equal("request-mismatch", mismatch.Kind);
        Assert.Equal("/v2/zoom_events/events", mismatch.Path);
        var detail = Assert.Single(mismatch.Details);
        Assert.Equal("BodyMismatch", detail.Type);
        Assert.Equal("$.recurring_registration_option", detail.Location);
        // The client's own failure (the mock's 500) is kept as the inner exception.
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.False(File.Exists(pact.PactFilePath), "a failed verification must not write the pact");
    }

    [Fact]
    public async Task Missing_and_unexpected_requests_are_both_reported()
    {
        using var pact = NewPact();
        pact.UponReceiving("list hubs").WithRequest(HttpMethod.Get, "/v2/zoom_events/hubs").WithQuery("role_type", "host")
            .WillRespond().WithJsonBody(new { hubs = Match.EachLike(new { hub_id = "hub_1234567890" }) });

        var ex = await Assert.ThrowsAsync<PactMismatchException>(() => pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var _ = await http.GetAsync("v2/zoom_events/events");
        }));
        output.WriteLine(ex.Message);

        Assert.Contains(ex.Mismatches, m => m.Kind == "missing-request" && m.Path == "/v2/zoom_events/hubs");
        Assert.Contains(ex.Mismatches, m => m.Kind == "request-not-found" && m.Path == "/v2/zoom_events/events");
        Assert.Contains("never sent", ex.Message);
        Assert.Contains("unexpected request", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task A_failing_assertion_after_matching_requests_surfaces_unchanged()
    {
        using var pact = NewPact();
        pact.UponReceiving("get an event").WithRequest(HttpMethod.Get, "/v2/zoom_events/events/e1")
            .WillRespond().WithJsonBody(new { name = "Launch" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            (await http.GetAsync("v2/zoom_events/events/e1")).EnsureSuccessStatusCode();
            throw new InvalidOperationException("the test's own assertion");
        }));
        Assert.Equal("the test's own assertion", ex.Message);
        Assert.False(File.Exists(pact.PactFilePath));
    }

    [Fact]
    public async Task Repeated_query_values_and_matched_path_round_trip()
    {
        using var pact = NewPact();
        pact.UponReceiving("list sessions of an event")
            .WithRequest(HttpMethod.Get, Match.Regex("/v2/zoom_events/events/evt_1234567890/sessions", "^/v2/zoom_events/events/[A-Za-z0-9_-]{10,}/sessions$"))
            .WithQuery("session_ids", "a").WithQuery("session_ids", "b")
            .WithQuery("page_size", Match.Regex("30", "^\\d+$"))
            .WillRespond().WithStatus(200).WithBody("ok", "text/plain");

        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            var body = await (await http.GetAsync("v2/zoom_events/events/evt_other_123456/sessions?session_ids=a&session_ids=b&page_size=100")).EnsureSuccessStatusCode()
                .Content.ReadAsStringAsync();
            Assert.Equal("ok", body);
        });

        var request = _dir.ReadPact(Consumer, Provider)["interactions"]![0]!["request"]!;
        AssertJson("""{"page_size":["30"],"session_ids":["a","b"]}""", request["query"]);
        Assert.Equal("/v2/zoom_events/events/evt_1234567890/sessions", (string?)request["path"]);
        Assert.NotNull(request["matchingRules"]!["path"]);
    }

    [Fact]
    public void Non_ascii_bodies_round_trip_as_utf8()
    {
        using var pact = NewPact();
        pact.UponReceiving("create an event with a non-ASCII name").WithRequest(HttpMethod.Post, "/v2/zoom_events/events")
            .WithJsonBody(new JsonObject { ["name"] = "Café ünïcödé — 東京" })
            .WillRespond().WithStatus(201);

        pact.Verify(ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var content = new StringContent("""{"name":"Café ünïcödé — 東京"}""", System.Text.Encoding.UTF8, "application/json");
            http.PostAsync("v2/zoom_events/events", content).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        });

        Assert.Equal("Café ünïcödé — 東京", (string?)_dir.ReadPact(Consumer, Provider)["interactions"]![0]!["request"]!["body"]!["content"]!["name"]);
    }

    [Fact]
    public async Task Credential_header_mismatches_are_redacted()
    {
        using var pact = NewPact();
        pact.UponReceiving("authorised ping").WithRequest(HttpMethod.Get, "/ping").WithHeader("Authorization", "Bearer expected-secret-1")
            .WillRespond().WithStatus(204);

        var ex = await Assert.ThrowsAsync<PactMismatchException>(() => pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            http.DefaultRequestHeaders.Authorization = new("Bearer", "actual-secret-2");
            using var _ = await http.GetAsync("ping");
        }));
        output.WriteLine(ex.Message);

        var detail = Assert.Single(Assert.Single(ex.Mismatches).Details);
        Assert.Equal("Authorization", detail.Location);
        Assert.DoesNotContain("secret", ex.Message);
        Assert.DoesNotContain("secret", detail.ToString());
        output.WriteLine(ex.RawJson ?? "(no raw json)");
        Assert.DoesNotContain("secret", ex.RawJson);
        // Still the engine's report, with only the values replaced.
        var raw = Assert.IsType<JsonArray>(JsonNode.Parse(ex.RawJson!));
        Assert.Contains("[redacted]", raw.ToJsonString());
        Assert.Equal("HeaderMismatch", (string?)raw[0]!["mismatches"]![0]!["type"]);
    }

    [Fact]
    public async Task Credentials_of_unexpected_requests_are_redacted_from_the_raw_json_and_the_output()
    {
        var lines = new List<string>();
        using var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = _dir.Path, Output = line => { lines.Add(line); output.WriteLine(line); } });
        pact.UponReceiving("ping").WithRequest(HttpMethod.Get, "/ping").WillRespond().WithStatus(204);

        var ex = await Assert.ThrowsAsync<PactMismatchException>(() => pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var stray = new HttpRequestMessage(HttpMethod.Get, "elsewhere");
            stray.Headers.Authorization = new("Bearer", "stray-secret-3");
            stray.Headers.Add("Cookie", "session=cookie-secret-4");
            stray.Headers.Add("X-Api-Key", "key-secret-5");
            using var _ = await http.SendAsync(stray);
            using var ping = await http.GetAsync("ping");
        }));
        output.WriteLine(ex.RawJson ?? "(no raw json)");

        Assert.Contains(ex.Mismatches, m => m.Kind == "request-not-found" && m.Path == "/elsewhere");
        Assert.DoesNotContain("secret", ex.RawJson);
        Assert.DoesNotContain("secret", ex.Message);
        Assert.DoesNotContain(lines, l => l.Contains("secret", StringComparison.Ordinal));
        Assert.Contains("/elsewhere", ex.RawJson);
    }

    internal static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    public void Dispose() => _dir.Dispose();
}
