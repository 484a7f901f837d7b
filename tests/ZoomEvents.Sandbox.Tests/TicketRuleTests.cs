using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class TicketRuleTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task All_sessions_link_issues_one_ticket_and_refuses_session_ids()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("all_sessions");

        var refused = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("a@example.com"), Ticket("b@example.com", sessions[0])));
        refused.AssertFieldError("tickets[1].session_ids");
        Assert.Equal(0, (await GetAsync($"v2/zoom_events/events/{eventId}/tickets")).Body!["total_records"]!.GetValue<int>());

        var issued = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("a@example.com")));
        issued.AssertStatus(HttpStatusCode.Created);
        var ticketId = Assert.Single(issued.Body!["tickets"]!.AsArray())!["ticket_id"]!.GetValue<string>();
        var ticket = await GetAsync($"v2/zoom_events/events/{eventId}/tickets/{ticketId}");
        Assert.Empty(ticket.Body!["session_ids"]!.AsArray());
    }

    [Fact]
    public async Task Single_session_link_issues_one_ticket_per_selected_session()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("single_session");

        var issued = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("s@example.com", sessions[0], sessions[2], sessions[0])));

        issued.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(2, issued.Body!["tickets"]!.AsArray().Count);
        var listed = await GetAsync($"v2/zoom_events/events/{eventId}/tickets?email=S@EXAMPLE.COM");
        var covered = listed.Body!["tickets"]!.AsArray().Select(t => Assert.Single(t!["session_ids"]!.AsArray())!.GetValue<string>()).ToList();
        Assert.Equal([sessions[0], sessions[2]], covered);
    }

    [Fact]
    public async Task Per_session_links_require_session_ids()
    {
        var (eventId, _) = await PublishedRecurringEventAsync("multiple_sessions", "single_session");

        var response = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("m@example.com")));

        response.AssertFieldError("tickets[0].session_ids");
    }

    [Fact]
    public async Task Multiple_sessions_link_issues_one_ticket_for_the_selection()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("multiple_sessions");

        var issued = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(Ticket("m@example.com", sessions[1], sessions[3], sessions[4])));

        var ticketId = Assert.Single(issued.Body!["tickets"]!.AsArray())!["ticket_id"]!.GetValue<string>();
        var ticket = await GetAsync($"v2/zoom_events/events/{eventId}/tickets/{ticketId}");
        Assert.Equal([sessions[1], sessions[3], sessions[4]], ticket.Body!["session_ids"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_session_ids_are_per_ticket_errors_inside_a_201()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("multiple_sessions");

        var response = await PostAsync($"v2/zoom_events/events/{eventId}/tickets",
            Tickets(Ticket("ok@example.com", sessions[0], sessions[1]), Ticket("bad@example.com", sessions[0], "NotASession00000000000")));

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal("ok@example.com", Assert.Single(response.Body!["tickets"]!.AsArray())!["email"]!.GetValue<string>());
        var error = Assert.Single(response.Body["errors"]!.AsArray())!;
        Assert.Equal("bad@example.com", error["email"]!.GetValue<string>());
        Assert.Equal("session_not_found", error["error_code"]!.GetValue<string>());
        Assert.Contains("NotASession00000000000", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Other_per_ticket_problems_are_reported_with_Zoom_error_codes()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        var wrongType = Ticket("type@example.com");
        wrongType["ticket_type_id"] = "NoSuchTicketType000000";
        var conflicting = Ticket("fast@example.com");
        conflicting["fast_join"] = true;
        conflicting["registration_needed"] = true;
        var duplicated = Ticket("dup@example.com");
        duplicated["custom_questions"] = new JsonArray(
            new JsonObject { ["title"] = "Team", ["answer"] = "A" }, new JsonObject { ["title"] = "team", ["answer"] = "B" });

        var response = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(wrongType, conflicting, duplicated, Ticket("fine@example.com")));

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Single(response.Body!["tickets"]!.AsArray());
        Assert.Equal(
            ["ticket_type_notfound", "fast_join_with_registrationNeeded", "tickets_duplicate_custom_questions"],
            response.Body["errors"]!.AsArray().Select(e => e!["error_code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Batches_over_30_are_rejected_and_30_is_accepted()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        JsonObject Batch(int n) => Tickets(Enumerable.Range(1, n).Select(i => Ticket($"p{i}@example.com")).ToArray());

        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Batch(31))).AssertFieldError("tickets");
        var accepted = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Batch(30));

        accepted.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(30, accepted.Body!["tickets"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_30_limit_counts_the_tickets_a_single_session_batch_would_issue()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("single_session");
        var all = sessions.ToArray();

        // Five entries, seven sessions each: 35 tickets from a batch of five.
        var tooMany = await PostAsync($"v2/zoom_events/events/{eventId}/tickets",
            Tickets(Enumerable.Range(1, 5).Select(i => Ticket($"s{i}@example.com", all)).ToArray()));
        tooMany.AssertFieldError("tickets");
        Assert.Equal(0, (await GetAsync($"v2/zoom_events/events/{eventId}/tickets")).Body!["total_records"]!.GetValue<int>());

        // 4 x 7 + 2 = 30 tickets exactly.
        var entries = Enumerable.Range(1, 4).Select(i => Ticket($"s{i}@example.com", all)).Append(Ticket("two@example.com", all[0], all[1])).ToArray();
        var accepted = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(entries));
        accepted.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(30, accepted.Body!["tickets"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_entry_that_only_earns_a_per_ticket_error_does_not_count_towards_the_30_limit()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("single_session");
        var all = sessions.ToArray();
        string[] unknown = ["NotASession0000000001", "NotASession0000000002", "NotASession0000000003"];

        // 4 x 7 = 28 real tickets; the fifth entry would be 3 more only if its ids were sessions, and they are not.
        var entries = Enumerable.Range(1, 4).Select(i => Ticket($"s{i}@example.com", all)).Append(Ticket("ghost@example.com", unknown)).ToArray();
        var response = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(entries));

        response.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(28, response.Body!["tickets"]!.AsArray().Count);
        var error = Assert.Single(response.Body["errors"]!.AsArray())!;
        Assert.Equal("ghost@example.com", error["email"]!.GetValue<string>());
        Assert.Equal("session_not_found", error["error_code"]!.GetValue<string>());
        Assert.All(unknown, id => Assert.Contains(id, error["message"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(28, (await GetAsync($"v2/zoom_events/events/{eventId}/tickets")).Body!["total_records"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"tickets":[]}""", "tickets")]
    [InlineData("""{}""", "tickets")]
    [InlineData("""{"tickets":[{"first_name":"No email"}]}""", "tickets[0].email")]
    [InlineData("""{"tickets":[{"email":"not-an-address"}]}""", "tickets[0].email")]
    [InlineData("""{"tickets":[{"email":"a@example.com","session_ids":"abc"}]}""", "tickets[0].session_ids")]
    [InlineData("""{"tickets":[{"email":"a@example.com","fast_join":"yes"}]}""", "tickets[0].fast_join")]
    [InlineData("""{"tickets":"a@example.com"}""", "tickets")]
    [InlineData("""{"registration_source":"a-source-longer-than-16","tickets":[{"email":"a@example.com"}]}""", "registration_source")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"tickets":[{"email":"a@example.com"}""", "body")]
    public async Task Malformed_ticket_requests_get_field_errors(string json, string field)
    {
        var (eventId, _) = await PublishedRecurringEventAsync();

        (await SendAsync(HttpMethod.Post, $"v2/zoom_events/events/{eventId}/tickets", json)).AssertFieldError(field);
    }

    [Fact]
    public async Task Validation_level_is_checked_and_strict_rejects_unconfigured_questions()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        var answered = Ticket("q@example.com");
        answered["custom_questions"] = new JsonArray(new JsonObject { ["title"] = "Team", ["answer"] = "A" });

        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets?validation_level=STRICT", Tickets(answered))).AssertFieldError("validation_level");
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets?validation_level=strict", Tickets(answered))).AssertZoomError(HttpStatusCode.BadRequest, 260503);
        (await PostAsync($"v2/zoom_events/events/{eventId}/tickets?validation_level=none", Tickets(answered))).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Tickets_can_be_filtered_fetched_and_deleted()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        var first = Ticket("one@example.com");
        first["external_ticket_id"] = "crm-1";
        first["first_name"] = "Ada";
        var created = await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(first, Ticket("two@example.com")));
        var ticketId = created.Body!["tickets"]![0]!["ticket_id"]!.GetValue<string>();
        Assert.Equal("crm-1", created.Body["tickets"]![0]!["external_ticket_id"]!.GetValue<string>());

        var byExternal = await GetAsync($"v2/zoom_events/events/{eventId}/tickets?external_ticket_id=crm-1");
        var found = Assert.Single(byExternal.Body!["tickets"]!.AsArray())!;
        Assert.Equal(ticketId, found["ticket_id"]!.GetValue<string>());
        Assert.Equal("Ada", found["first_name"]!.GetValue<string>());
        Assert.Empty((await GetAsync($"v2/zoom_events/events/{eventId}/tickets?external_ticket_id=crm-2")).Body!["tickets"]!.AsArray());

        (await DeleteAsync($"v2/zoom_events/events/{eventId}/tickets/{ticketId}")).AssertStatus(HttpStatusCode.NoContent);
        (await GetAsync($"v2/zoom_events/events/{eventId}/tickets/{ticketId}")).AssertZoomError(HttpStatusCode.NotFound, 26503);
        (await DeleteAsync($"v2/zoom_events/events/{eventId}/tickets/{ticketId}")).AssertZoomError(HttpStatusCode.NotFound, 26503);
        (await GetAsync("v2/zoom_events/events/NoSuchEvent00000000000/tickets")).AssertZoomError(HttpStatusCode.NotFound, 2002);
    }

    [Fact]
    public async Task Ticket_list_pages_with_next_page_token()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        for (var batch = 0; batch < 2; batch++)
        {
            var tickets = Enumerable.Range(1, 20).Select(i => Ticket($"b{batch}-{i}@example.com")).ToArray();
            (await PostAsync($"v2/zoom_events/events/{eventId}/tickets", Tickets(tickets))).AssertStatus(HttpStatusCode.Created);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await GetAsync($"v2/zoom_events/events/{eventId}/tickets?page_size=15" + (token is null ? "" : $"&next_page_token={token}"));
            page.AssertStatus(HttpStatusCode.OK);
            Assert.Equal(40, page.Body!["total_records"]!.GetValue<int>());
            seen.AddRange(page.Body["tickets"]!.AsArray().Select(t => t!["ticket_id"]!.GetValue<string>()));
            token = page.Body["next_page_token"]!.GetValue<string>();
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(40, seen.Distinct().Count());
        (await GetAsync($"v2/zoom_events/events/{eventId}/tickets?page_size=301")).AssertFieldError("page_size");
        (await GetAsync($"v2/zoom_events/events/{eventId}/tickets?next_page_token=garbage")).AssertFieldError("next_page_token");
    }
}
