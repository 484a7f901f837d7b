using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

public sealed class AccessLinkTests : SandboxTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task Links_can_be_created_listed_read_updated_and_deleted()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var root = $"v2/zoom_events/events/{eventId}/access_links";

        var created = await PostAsync(root, new JsonObject
        {
            ["name"] = "Registration", ["type"] = "registration", ["authentication_method"] = "zoom_account",
            ["security_at_join"] = new JsonObject { ["email_authentication"] = true },
        });
        created.AssertStatus(HttpStatusCode.Created);
        var linkId = created.Body!["access_link_id"]!.GetValue<string>();
        Assert.Null(created.Body["url"]);
        Assert.True(created.Body["is_default"]!.GetValue<bool>());
        Assert.Equal("all_sessions", created.Body["recurring_registration_option"]!.GetValue<string>());

        var listed = await GetAsync(root);
        var item = Assert.Single(listed.Body!["access_links"]!.AsArray())!;
        Assert.Contains(linkId, item["url"]!.GetValue<string>());

        var patched = await PatchAsync($"{root}/{linkId}", new JsonObject { ["name"] = "Renamed", ["recurring_registration_option"] = "single_session" });
        patched.AssertStatus(HttpStatusCode.NoContent);
        var read = await GetAsync($"{root}/{linkId}");
        Assert.Equal("Renamed", read.Body!["name"]!.GetValue<string>());
        Assert.Equal("single_session", read.Body["recurring_registration_option"]!.GetValue<string>());
        Assert.True(read.Body["security_at_join"]!["email_authentication"]!.GetValue<bool>());

        (await DeleteAsync($"{root}/{linkId}")).AssertStatus(HttpStatusCode.NoContent);
        (await GetAsync($"{root}/{linkId}")).AssertZoomError(HttpStatusCode.NotFound, 261201);
        (await PatchAsync($"{root}/{linkId}", new JsonObject { ["name"] = "x" })).AssertZoomError(HttpStatusCode.NotFound, 261201);
    }

    [Fact]
    public async Task Link_names_are_unique_per_event()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var other = await CreateEventAsync(TutorialEvent());
        await CreateLinkAsync(eventId, "Registration", "all_sessions");
        var second = await CreateLinkAsync(eventId, "Second", "single_session");

        var duplicate = await PostAsync($"v2/zoom_events/events/{eventId}/access_links",
            new JsonObject { ["name"] = "registration", ["type"] = "registration", ["authentication_method"] = "bypass_auth" });
        duplicate.AssertZoomError(HttpStatusCode.BadRequest, 261203);
        (await PatchAsync($"v2/zoom_events/events/{eventId}/access_links/{second}", new JsonObject { ["name"] = "Registration" }))
            .AssertZoomError(HttpStatusCode.BadRequest, 261203);
        await CreateLinkAsync(other, "Registration", "all_sessions");
    }

    [Fact]
    public async Task Only_one_link_is_default()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var first = await CreateLinkAsync(eventId, "First", "all_sessions");
        var second = await PostAsync($"v2/zoom_events/events/{eventId}/access_links",
            new JsonObject { ["name"] = "Second", ["type"] = "group-join", ["authentication_method"] = "bypass_auth", ["is_default"] = true });

        var links = (await GetAsync($"v2/zoom_events/events/{eventId}/access_links")).Body!["access_links"]!.AsArray();

        Assert.Equal(second.Body!["access_link_id"]!.GetValue<string>(), Assert.Single(links, l => l!["is_default"]!.GetValue<bool>())!["access_link_id"]!.GetValue<string>());
        Assert.Contains(links, l => l!["access_link_id"]!.GetValue<string>() == first);
    }

    public static TheoryData<string, string> InvalidLinks() => new()
    {
        { """{"type":"registration","authentication_method":"bypass_auth"}""", "name" },
        { """{"name":"x","type":"registration_link","authentication_method":"bypass_auth"}""", "type" },
        { """{"name":"x","type":"registration","authentication_method":"password"}""", "authentication_method" },
        { """{"name":"x","type":"registration","authentication_method":"bypass_auth","recurring_registration_option":"multiple_session"}""", "recurring_registration_option" },
        { """{"name":"x","type":"registration","authentication_method":"corporate_idp"}""", "idp_name" },
        { """{"name":"x","type":"group-join","authentication_method":"bypass_auth","security_at_join":{"email_authentication":true}}""", "security_at_join.email_authentication" },
        { """{"name":"x","type":"registration","authentication_method":"bypass_auth","is_default":"yes"}""", "is_default" },
        { """{"name":"x","type":"registration","authentication_method":"bypass_auth","allow_domain_list":"example.com"}""", "allow_domain_list" },
        { """{"name":"x",""", "body" },
        { """{"name":"x","type":"group-join","authentication_method":"bypass_auth","recurring_registration_option":"all_sessions"}""", "recurring_registration_option" },
    };

    [Theory]
    [MemberData(nameof(InvalidLinks))]
    public async Task Invalid_links_get_field_errors(string json, string field)
    {
        var eventId = await CreateEventAsync(TutorialEvent());

        (await SendAsync(HttpMethod.Post, $"v2/zoom_events/events/{eventId}/access_links", json)).AssertFieldError(field);
    }

    [Fact]
    public async Task A_patch_is_checked_against_the_link_it_produces()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var root = $"v2/zoom_events/events/{eventId}/access_links";
        var created = await PostAsync(root, new JsonObject
        {
            ["name"] = "Staff", ["type"] = "registration", ["authentication_method"] = "zoom_account", ["idp_name"] = "Okta",
        });
        created.AssertStatus(HttpStatusCode.Created);
        var linkId = created.Body!["access_link_id"]!.GetValue<string>();

        // The link already names its identity provider, so switching to corporate_idp needs nothing more.
        (await PatchAsync($"{root}/{linkId}", new JsonObject { ["authentication_method"] = "corporate_idp" })).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal("corporate_idp", (await GetAsync($"{root}/{linkId}")).Body!["authentication_method"]!.GetValue<string>());
        // ... and blanking the provider of a corporate_idp link is refused.
        (await PatchAsync($"{root}/{linkId}", new JsonObject { ["idp_name"] = " " })).AssertFieldError("idp_name");
        Assert.Equal("Okta", (await GetAsync($"{root}/{linkId}")).Body!["idp_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Group_join_links_refuse_a_registration_option_on_patch()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var linkId = await CreateLinkAsync(eventId, "Team", option: null, type: "group-join");

        (await PatchAsync($"v2/zoom_events/events/{eventId}/access_links/{linkId}", new JsonObject { ["recurring_registration_option"] = "single_session" }))
            .AssertFieldError("recurring_registration_option");
        Assert.Null((await GetAsync($"v2/zoom_events/events/{eventId}/access_links/{linkId}")).Body!["recurring_registration_option"]);
    }

    [Fact]
    public async Task Link_rules_use_Zoom_codes()
    {
        var eventId = await CreateEventAsync(TutorialEvent());
        var simple = await CreateEventAsync(SimpleEvent());
        var linkId = await CreateLinkAsync(eventId, "Registration", "all_sessions");

        (await PostAsync($"v2/zoom_events/events/{eventId}/access_links", new JsonObject
        {
            ["name"] = "Typed", ["type"] = "registration", ["authentication_method"] = "bypass_auth", ["ticket_type_id"] = "NoSuchType000000000000",
        })).AssertZoomError(HttpStatusCode.BadRequest, 261202);
        (await PatchAsync($"v2/zoom_events/events/{eventId}/access_links/{linkId}", new JsonObject { ["type"] = "group-join" })).AssertFieldError("type");
        (await PostAsync($"v2/zoom_events/events/{simple}/access_links", new JsonObject
        {
            ["name"] = "Series", ["type"] = "registration", ["authentication_method"] = "bypass_auth", ["recurring_registration_option"] = "all_sessions",
        })).AssertFieldError("recurring_registration_option");
        (await GetAsync("v2/zoom_events/events/NoSuchEvent00000000000/access_links")).AssertZoomError(HttpStatusCode.NotFound, 2002);
    }
}
