using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ZoomEvents.Sandbox.Tests;

/// <summary>
/// Systematic bad input: every member of a valid request body is removed or replaced by values of every JSON type, and
/// the sandbox must answer with a Zoom-shaped 4xx (or a 2xx when the change happens to be valid), never a 5xx.
/// </summary>
public sealed class NeverServerErrorTests : SandboxTestBase
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null, () => 0, () => -1, () => 1.5, () => JsonNode.Parse("1e300"), () => "", () => "x", () => true,
        () => new JsonArray(), () => new JsonArray(1, "a"), () => new JsonObject(), () => new string('a', 10_000),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AuthorizeAsync();
    }

    [Fact]
    public async Task Mutated_requests_never_get_a_server_error()
    {
        var (eventId, sessions) = await PublishedRecurringEventAsync("multiple_sessions");
        var linkId = await CreateLinkAsync(eventId, "Existing", "single_session");
        var ticket = Ticket("a@example.com", sessions[0]);
        ticket["custom_questions"] = new JsonArray(new JsonObject { ["title"] = "Team", ["answer"] = "A" });
        ticket["external_ticket_id"] = "x-1";

        var targets = new (HttpMethod Method, string Path, JsonNode Body)[]
        {
            (HttpMethod.Post, "v2/zoom_events/events", TutorialEvent()),
            (HttpMethod.Patch, $"v2/zoom_events/events/{eventId}", TutorialEvent().Also(b => { b.Remove("event_type"); b.Remove("hub_id"); })),
            (HttpMethod.Post, $"v2/zoom_events/events/{eventId}/access_links", new JsonObject
            {
                ["name"] = "Mutant", ["type"] = "registration", ["authentication_method"] = "bypass_auth", ["is_default"] = false,
                ["recurring_registration_option"] = "multiple_sessions", ["allow_domain_list"] = new JsonArray("example.com"),
                ["security_at_join"] = new JsonObject { ["email_authentication"] = true, ["security_code_verification"] = false },
            }),
            (HttpMethod.Patch, $"v2/zoom_events/events/{eventId}/access_links/{linkId}", new JsonObject { ["name"] = "Renamed", ["is_default"] = true }),
            (HttpMethod.Post, $"v2/zoom_events/events/{eventId}/tickets", new JsonObject { ["registration_source"] = "api", ["tickets"] = new JsonArray(ticket) }),
            (HttpMethod.Post, "_pact/provider-states", new JsonObject { ["state"] = "a ticket exists", ["params"] = new JsonObject { ["email"] = "p@example.com", ["count"] = 2 } }),
        };

        var sent = 0;
        foreach (var (method, path, body) in targets)
        {
            foreach (var (member, mutated) in Mutations(body))
            {
                var response = await SendAsync(method, path, mutated?.ToJsonString() ?? "null");
                sent++;
                Assert.True((int)response.Status < 500, $"{method} {path} with {member} changed: {(int)response.Status} {response.Body?.ToJsonString()}");
                if ((int)response.Status >= 400)
                {
                    Assert.True(response.Body?["code"] is not null, $"{method} {path} with {member} changed: no Zoom error body");
                }
            }
        }

        Assert.True(sent > 300, $"only {sent} mutations were sent");
    }

    [Fact]
    public async Task Odd_query_strings_never_get_a_server_error()
    {
        var (eventId, _) = await PublishedRecurringEventAsync();
        string[] values = ["", "0", "-1", "301", "2147483648", "abc", "%00", "%FF%FE", "a%20b", new string('9', 400), "host,attendee", "[]"];
        string[] paths =
        [
            "v2/zoom_events/hubs?role_type={0}",
            "v2/zoom_events/events?role_type={0}&event_status_type={0}&page_size={0}&next_page_token={0}",
            $"v2/zoom_events/events/{eventId}/tickets?page_size={{0}}&next_page_token={{0}}&email={{0}}&external_ticket_id={{0}}",
            $"v2/zoom_events/events/{eventId}/sessions/{{0}}",
            "v2/zoom_events/events/{0}",
        ];

        foreach (var path in paths)
        {
            foreach (var value in values)
            {
                var response = await GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, value));
                Assert.True((int)response.Status < 500, $"{path} with '{value}': {(int)response.Status}");
            }
        }

        var withPostQuery = await PostAsync($"v2/zoom_events/events/{eventId}/tickets?validation_level=%FF", Tickets(Ticket("q@example.com")));
        withPostQuery.AssertFieldError("validation_level");
    }

    // Every path in the document, with each replacement value and with the member removed.
    private static IEnumerable<(string Member, JsonNode? Body)> Mutations(JsonNode root)
    {
        foreach (var (path, member, key, index) in Members(root, "$"))
        {
            foreach (var replacement in Replacements)
            {
                var copy = root.DeepClone();
                var target = Navigate(copy, path);
                if (key is not null)
                {
                    target.AsObject()[key] = replacement();
                }
                else
                {
                    target.AsArray()[index] = replacement();
                }

                yield return (member, copy);
            }

            var removed = root.DeepClone();
            var container = Navigate(removed, path);
            if (key is not null)
            {
                container.AsObject().Remove(key);
            }
            else
            {
                container.AsArray().RemoveAt(index);
            }

            yield return ($"{member} (removed)", removed);
        }
    }

    private static IEnumerable<(List<object> ContainerPath, string Member, string? Key, int Index)> Members(JsonNode node, string display, List<object>? path = null)
    {
        path ??= [];
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                yield return (path, $"{display}.{key}", key, -1);
                if (child is not null)
                {
                    foreach (var nested in Members(child, $"{display}.{key}", [.. path, key]))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                yield return (path, $"{display}[{i}]", null, i);
                if (array[i] is { } child)
                {
                    foreach (var nested in Members(child, $"{display}[{i}]", [.. path, i]))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }

    private static JsonNode Navigate(JsonNode root, List<object> path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step is string key ? node[key]! : node[(int)step]!;
        }

        return node;
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject value, Action<JsonObject> change)
    {
        change(value);
        return value;
    }
}
