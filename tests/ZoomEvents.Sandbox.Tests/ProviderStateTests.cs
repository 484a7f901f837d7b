using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class ProviderStateTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    private async Task<JsonNode> SetupAsync(string state, JsonObject? parameters = null)
    {
        var response = await PostAsync("_pact/provider-states", new JsonObject { ["state"] = state, ["params"] = parameters?.DeepClone() ?? new JsonObject(), ["action"] = "setup" });
        response.AssertStatus(HttpStatusCode.OK);
        return response.Body!;
    }

    [Fact]
    public async Task Every_listed_state_sets_up_with_defaults_and_returns_usable_ids()
    {
        var listed = await GetAsync("_pact/provider-states");
        var names = listed.Body!["states"]!.AsArray().Select(s => s!["state"]!.GetValue<string>()).ToList();
        Assert.True(names.Count >= 10, string.Join(", ", names));

        foreach (var name in names)
        {
            var ids = await SetupAsync(name);
            if (ids["eventId"] is { } eventId)
            {
                (await GetAsync($"v2/zoom_events/events/{eventId}")).AssertStatus(HttpStatusCode.OK);
                Assert.Equal(ids["sessionIds"]!.AsArray().Select(s => s!.GetValue<string>()), await SessionIdsAsync(eventId.GetValue<string>()));
            }

            if (ids["accessLinkId"] is { } linkId)
            {
                (await GetAsync($"v2/zoom_events/events/{ids["eventId"]}/access_links/{linkId}")).AssertStatus(HttpStatusCode.OK);
            }

            if (ids["ticketId"] is { } ticketId)
            {
                (await GetAsync($"v2/zoom_events/events/{ids["eventId"]}/tickets/{ticketId}")).AssertStatus(HttpStatusCode.OK);
            }

            (await PostAsync("_pact/provider-states", new JsonObject { ["state"] = name, ["action"] = "teardown" })).AssertStatus(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Rate_limit_state_answers_429_until_teardown()
    {
        await SetupAsync("a published recurring event exists", new JsonObject { ["eventId"] = "Limited" });
        var ids = await SetupAsync("the per-second rate limit is exhausted", new JsonObject { ["retryAfterSeconds"] = 2 });
        Assert.Equal(2, ids["retryAfterSeconds"]!.GetValue<int>());

        var limited = await GetAsync("v2/zoom_events/events/Limited/sessions");
        limited.AssertZoomError(HttpStatusCode.TooManyRequests, 429);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("QPS", Assert.Single(limited.Headers.GetValues("X-RateLimit-Type")));

        (await PostAsync("_pact/provider-states", new JsonObject { ["state"] = "the per-second rate limit is exhausted", ["action"] = "teardown" }))
            .AssertStatus(HttpStatusCode.OK);
        (await GetAsync("v2/zoom_events/hubs?role_type=host")).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("v2/zoom_events/events/Limited")).AssertZoomError(HttpStatusCode.NotFound, 2002);
    }

    [Fact]
    public async Task Params_fix_the_ids_pacts_use()
    {
        await SetupAsync("a hub exists", new JsonObject { ["hubId"] = "PactHub" });
        var ids = await SetupAsync("a published recurring event exists", new JsonObject
        {
            ["eventId"] = "PactEvent000000000001",
            ["hubId"] = "PactHub",
            ["sessionIds"] = "S1,S2,S3",
            ["ticketTypeId"] = "PactTicketType",
            ["endTimes"] = 3,
        });
        Assert.Equal("PactEvent000000000001", ids["eventId"]!.GetValue<string>());
        Assert.Equal("S1", ids["sessionId"]!.GetValue<string>());
        Assert.Equal("S2", ids["sessionId2"]!.GetValue<string>());

        await SetupAsync("an access link exists", new JsonObject
        {
            ["eventId"] = "PactEvent000000000001", ["accessLinkId"] = "PactLink", ["recurringRegistrationOption"] = "multiple_sessions",
        });
        var ticket = await SetupAsync("a ticket exists", new JsonObject
        {
            ["eventId"] = "PactEvent000000000001", ["ticketId"] = "PactTicket", ["externalTicketId"] = "crm-9", ["ticketSessionIds"] = new JsonArray("S1", "S3"),
        });

        var read = await GetAsync("v2/zoom_events/events/PactEvent000000000001");
        Assert.Equal(("PactHub", "PUBLISHED"), (read.Body!["hub_id"]!.GetValue<string>(), read.Body["status"]!.GetValue<string>()));
        Assert.Equal(["S1", "S2", "S3"], await SessionIdsAsync("PactEvent000000000001"));
        Assert.Equal("PactTicketType", (await GetAsync("v2/zoom_events/events/PactEvent000000000001/ticket_types")).Body!["ticket_types"]![0]!["ticket_type_id"]!.GetValue<string>());
        var link = await GetAsync("v2/zoom_events/events/PactEvent000000000001/access_links/PactLink");
        Assert.Equal("multiple_sessions", link.Body!["recurring_registration_option"]!.GetValue<string>());
        var stored = await GetAsync("v2/zoom_events/events/PactEvent000000000001/tickets/PactTicket");
        Assert.Equal(["S1", "S3"], stored.Body!["session_ids"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("PactTicket", ticket["ticketId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registration_links_state_creates_one_link_per_option()
    {
        var ids = await SetupAsync("registration links exist for every option", new JsonObject { ["eventId"] = "EventWithLinks", ["singleSessionLinkId"] = "Single" });

        var links = (await GetAsync("v2/zoom_events/events/EventWithLinks/access_links")).Body!["access_links"]!.AsArray();

        Assert.Equal(["all_sessions", "single_session", "multiple_sessions"], links.Select(l => l!["recurring_registration_option"]!.GetValue<string>()));
        Assert.Equal("Single", ids["singleSessionLinkId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Setting_up_a_state_again_replaces_the_entity()
    {
        await SetupAsync("a published recurring event exists", new JsonObject { ["eventId"] = "Again" });
        await SetupAsync("a draft recurring event exists", new JsonObject { ["eventId"] = "Again" });

        Assert.Equal("DRAFT", (await GetAsync("v2/zoom_events/events/Again")).Body!["status"]!.GetValue<string>());

        var link = new JsonObject { ["eventId"] = "Again", ["accessLinkId"] = "SameLink", ["linkName"] = "Same name" };
        await SetupAsync("an access link exists", link);
        link["recurringRegistrationOption"] = "single_session";
        await SetupAsync("an access link exists", link);
        var links = (await GetAsync("v2/zoom_events/events/Again/access_links")).Body!["access_links"]!.AsArray();
        Assert.Equal("single_session", Assert.Single(links)!["recurring_registration_option"]!.GetValue<string>());
        Assert.Empty((await GetAsync("v2/zoom_events/events?event_status_type=past")).Body!["events"]!.AsArray());
    }

    [Fact]
    public async Task Teardown_resets_and_no_events_state_clears()
    {
        await SetupAsync("tickets exist", new JsonObject { ["eventId"] = "Paged", ["count"] = 35 });
        Assert.Equal(35, (await GetAsync("v2/zoom_events/events/Paged/tickets")).Body!["total_records"]!.GetValue<int>());

        (await PostAsync("_pact/provider-states", new JsonObject { ["state"] = "tickets exist", ["action"] = "teardown" })).AssertStatus(HttpStatusCode.OK);
        (await GetAsync("v2/zoom_events/events/Paged")).AssertZoomError(HttpStatusCode.NotFound, 2002);

        await SetupAsync("a draft event exists");
        await SetupAsync("no events exist");
        Assert.Empty((await GetAsync("v2/zoom_events/events?event_status_type=draft")).Body!["events"]!.AsArray());
    }

    [Fact]
    public async Task Tickets_exist_refuses_more_tickets_than_the_event_has_left_instead_of_returning_fewer()
    {
        // The event's ticket type holds 10,000; ten full setups use them all.
        for (var i = 0; i < 10; i++)
        {
            var ids = await SetupAsync("tickets exist", new JsonObject { ["eventId"] = "SoldOut", ["count"] = 1000 });
            Assert.Equal(1000, ids["ticketIds"]!.AsArray().Count);
        }

        var refused = await PostAsync("_pact/provider-states", new JsonObject { ["state"] = "tickets exist", ["params"] = new JsonObject { ["eventId"] = "SoldOut", ["count"] = 1 } });

        refused.AssertFieldError("params.count");
        Assert.Equal(10_000, (await GetAsync("v2/zoom_events/events/SoldOut/tickets?page_size=1")).Body!["total_records"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"state":"a unicorn exists"}""", "state")]
    [InlineData("""{"params":{}}""", "state")]
    [InlineData("""{"state":"a hub exists","action":"prepare"}""", "action")]
    [InlineData("""{"state":"a hub exists","params":{"hubId":"has space"}}""", "params.hubId")]
    [InlineData("""{"state":"tickets exist","params":{"count":5000}}""", "params.count")]
    [InlineData("""{"state":"a draft recurring event exists","params":{"sessionIds":["SameSession1","SameSession1"]}}""", "params.sessionIds")]
    [InlineData("""{"state":"a draft recurring event exists","params":{"startTime":"tomorrow"}}""", "params.startTime")]
    [InlineData("""{"state":""", "body")]
    [InlineData("""{"state":"an access link exists","params":{"linkType":"registration_link"}}""", "params.linkType")]
    [InlineData("""{"state":"an access link exists","params":{"authenticationMethod":"password"}}""", "params.authenticationMethod")]
    [InlineData("""{"state":"an access link exists","params":{"authenticationMethod":"corporate_idp"}}""", "params.authenticationMethod")]
    [InlineData("""{"state":"an access link exists","params":{"recurringRegistrationOption":"sometimes"}}""", "params.recurringRegistrationOption")]
    [InlineData("""{"state":"an access link exists","params":{"linkType":"group-join","recurringRegistrationOption":"all_sessions"}}""", "params.recurringRegistrationOption")]
    [InlineData("""{"state":"an access link exists","params":{"linkName":" "}}""", "params.linkName")]
    [InlineData("""{"state":"a draft event exists","params":{"name":""}}""", "params.name")]
    [InlineData("""{"state":"a draft recurring event exists","params":{"timezone":"SST"}}""", "params.timezone")]
    [InlineData("""{"state":"a ticket exists","params":{"email":"not-an-address"}}""", "params.email")]
    [InlineData("""{"state":"tickets exist","params":{"emailDomain":"has space"}}""", "params.emailDomain")]
    [InlineData("""{"state":"registration links exist for every option","params":{"allSessionsLinkId":"L1","singleSessionLinkId":"L1"}}""", "params.singleSessionLinkId")]
    [InlineData("""{"state":"registration links exist for every option","params":{"allSessionsLinkId":"L1","multipleSessionsLinkId":"L1"}}""", "params.multipleSessionsLinkId")]
    public async Task Bad_provider_state_requests_are_400_with_the_field(string json, string field)
    {
        var response = await SendAsync(HttpMethod.Post, "_pact/provider-states", json);

        response.AssertFieldError(field);
        if (field == "state" && json.Contains("unicorn", StringComparison.Ordinal))
        {
            Assert.Contains("a hub exists", response.Body!["errors"]![0]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Tickets_exist_checks_its_longest_generated_address_against_the_128_character_limit()
    {
        // "attendee9@" + 118 = 128 characters fits; "attendee10@" + 118 = 129 does not.
        var domain = new string('d', 114) + ".com";
        await SetupAsync("a published recurring event exists", new JsonObject { ["eventId"] = "LongMail" });

        var refused = await PostAsync("_pact/provider-states", new JsonObject
        {
            ["state"] = "tickets exist",
            ["params"] = new JsonObject { ["eventId"] = "LongMail", ["count"] = 10, ["emailDomain"] = domain },
        });
        refused.AssertFieldError("params.emailDomain");
        Assert.Equal(0, (await GetAsync("v2/zoom_events/events/LongMail/tickets")).Body!["total_records"]!.GetValue<int>());

        var ids = await SetupAsync("tickets exist", new JsonObject { ["eventId"] = "LongMail", ["count"] = 9, ["emailDomain"] = domain });
        Assert.Equal(9, ids["ticketIds"]!.AsArray().Count);
        var tickets = (await GetAsync("v2/zoom_events/events/LongMail/tickets")).Body!["tickets"]!.AsArray();
        Assert.Equal(128, tickets.Max(t => t!["email"]!.GetValue<string>().Length));
    }

    [Fact]
    public async Task A_state_that_fails_half_way_leaves_nothing_behind()
    {
        // The event and hub are made first; the ticket then fails on a session the event does not have.
        var refused = await PostAsync("_pact/provider-states", new JsonObject
        {
            ["state"] = "a ticket exists",
            ["params"] = new JsonObject { ["eventId"] = "HalfMade", ["hubId"] = "HalfMadeHub", ["ticketSessionIds"] = "NoSuchSession" },
        });

        refused.AssertFieldError("params.ticketSessionIds");
        (await GetAsync("v2/zoom_events/events/HalfMade")).AssertZoomError(HttpStatusCode.NotFound, 2002);
        var hubs = (await GetAsync("v2/zoom_events/hubs?role_type=host")).Body!["hubs"]!.AsArray();
        Assert.Equal([SeedHubId], hubs.Select(h => h!["hub_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_state_that_fails_after_changing_an_existing_event_leaves_the_event_as_it_was()
    {
        // The all_sessions link is replaced first (OldAll removed, NewAll added); only then does "Single session" clash
        // with the case-insensitively equal "SINGLE SESSION" (261203). Without the copy-on-setup, NewAll would stay.
        await SetupAsync("an access link exists", new JsonObject { ["eventId"] = "Kept", ["accessLinkId"] = "OldAll", ["linkName"] = "All sessions" });
        await SetupAsync("an access link exists", new JsonObject
        {
            ["eventId"] = "Kept", ["accessLinkId"] = "Shouty", ["linkName"] = "SINGLE SESSION", ["recurringRegistrationOption"] = "single_session",
        });
        var clash = await PostAsync("_pact/provider-states", new JsonObject
        {
            ["state"] = "registration links exist for every option",
            ["params"] = new JsonObject { ["eventId"] = "Kept", ["allSessionsLinkId"] = "NewAll" },
        });

        clash.AssertZoomError(HttpStatusCode.BadRequest, 261203);
        var links = (await GetAsync("v2/zoom_events/events/Kept/access_links")).Body!["access_links"]!.AsArray();
        Assert.Equal(["OldAll", "Shouty"], links.Select(l => l!["access_link_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Readme_documents_every_state_and_param()
    {
        var readme = await File.ReadAllTextAsync(FindReadme());
        var listed = (await GetAsync("_pact/provider-states")).Body!["states"]!.AsArray();

        foreach (var state in listed)
        {
            Assert.Contains($"`{state!["state"]!.GetValue<string>()}`", readme);
            foreach (var param in state["params"]!.AsArray())
            {
                Assert.Contains($"`{param!["name"]!.GetValue<string>()}`", readme);
            }
        }
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "contracts", "ZoomEvents.Sandbox", "README.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("contracts/ZoomEvents.Sandbox/README.md not found above " + AppContext.BaseDirectory);
    }
}
