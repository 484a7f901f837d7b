using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using static ZoomEvents.Pact.Tests.ConsumerTests;

namespace ZoomEvents.Pact.Tests;

/// <summary>Matchers serialise to the engine's integration JSON (shared/docs/pact-ffi.md §6).</summary>
public sealed class MatcherTests
{
    public static TheoryData<string, Matcher, string> Cases => new()
    {
        { "type", Match.Type("Launch"), """{"pact:matcher:type":"type","value":"Launch"}""" },
        { "like", Match.Like(3), """{"pact:matcher:type":"type","value":3}""" },
        { "regex", Match.Regex("evt_1234567890", "^[A-Za-z0-9_-]{10,}$"), """{"pact:matcher:type":"regex","regex":"^[A-Za-z0-9_-]{10,}$","value":"evt_1234567890"}""" },
        { "integer", Match.Integer(42), """{"pact:matcher:type":"integer","value":42}""" },
        { "decimal", Match.Decimal(1.25), """{"pact:matcher:type":"decimal","value":1.25}""" },
        { "decimal (System.Decimal)", Match.Decimal(19.99m), """{"pact:matcher:type":"decimal","value":19.99}""" },
        { "number", Match.Number(7), """{"pact:matcher:type":"number","value":7}""" },
        { "boolean", Match.Boolean(false), """{"pact:matcher:type":"boolean","value":false}""" },
        { "datetime", Match.DateTime(Match.UtcDateTimeFormat, "2026-03-01T10:00:00Z"), """{"pact:matcher:type":"datetime","format":"yyyy-MM-dd'T'HH:mm:ss'Z'","value":"2026-03-01T10:00:00Z"}""" },
        { "datetime from DateTimeOffset", Match.DateTime(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2))), """{"pact:matcher:type":"datetime","format":"yyyy-MM-dd'T'HH:mm:ss'Z'","value":"2026-03-01T10:00:00Z"}""" },
        { "datetime generated", Match.DateTime("yyyy-MM-dd"), """{"pact:matcher:type":"datetime","format":"yyyy-MM-dd","pact:generator:type":"DateTime","value":"2026-03-01"}""" },
        { "datetime generated, full pattern", Match.DateTime("EEE, d MMM yy hh:mm:ss.SSS a Z '('X')' 'o''clock'"), """{"pact:matcher:type":"datetime","format":"EEE, d MMM yy hh:mm:ss.SSS a Z '('X')' 'o''clock'","pact:generator:type":"DateTime","value":"Sun, 1 Mar 26 02:30:00.000 PM +0000 (Z) o'clock"}""" },
        { "date", Match.Date("yyyy-MM-dd", "2026-03-01"), """{"pact:matcher:type":"date","format":"yyyy-MM-dd","value":"2026-03-01"}""" },
        { "equality", Match.Equality("all_sessions"), """{"pact:matcher:type":"equality","value":"all_sessions"}""" },
        { "includes", Match.Includes("not published"), """{"pact:matcher:type":"include","value":"not published"}""" },
        { "null", Match.Null(), """{"pact:matcher:type":"null"}""" },
        { "each-like", Match.EachLike(new { id = 1 }), """{"pact:matcher:type":"type","min":1,"value":[{"id":1}]}""" },
        { "min-type", Match.MinType(["a", "b"], 2), """{"pact:matcher:type":"type","min":2,"value":["a","b"]}""" },
        { "max-type", Match.MaxType(["a"], 3), """{"pact:matcher:type":"type","max":3,"value":["a"]}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Serialises_to_integration_json(string name, Matcher matcher, string expected)
    {
        AssertJson(expected, matcher.ToJsonNode());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(1.25, "1.25")]
    public void A_decimal_example_is_written_with_a_fraction_even_when_whole(double example, string written)
    {
        // DeepEquals would call 2 and 2.0 equal; the engine does not, so the text itself is compared.
        Assert.Equal($$"""{"pact:matcher:type":"decimal","value":{{written}}}""", Match.Decimal(example).ToJson());
        Assert.Equal($$"""{"pact:matcher:type":"decimal","value":{{written}}}""", Match.Decimal((decimal)example).ToJson());
    }

    [Fact]
    public void A_decimal_example_must_be_a_finite_number()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.Decimal(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.Decimal(double.PositiveInfinity));
    }

    [Fact]
    public void Nested_matchers_serialise_inside_anonymous_objects_and_json_nodes()
    {
        var body = new
        {
            event_id = Match.Regex("evt_1234567890", "^[A-Za-z0-9_-]{10,}$"),
            hub = Match.Type(new { hub_id = "h1", seats = Match.Integer(5) }),
        };
        AssertJson(
            """{"event_id":{"pact:matcher:type":"regex","regex":"^[A-Za-z0-9_-]{10,}$","value":"evt_1234567890"},"hub":{"pact:matcher:type":"type","value":{"hub_id":"h1","seats":{"pact:matcher:type":"integer","value":5}}}}""",
            JsonSerializer.SerializeToNode(body, PactJson.DefaultOptions));

        var node = new JsonObject { ["status"] = Match.Equality("published") };
        AssertJson("""{"status":{"pact:matcher:type":"equality","value":"published"}}""", node);
    }

    [Fact]
    public void EachLike_repeats_the_example_but_keeps_nested_rules_only_in_the_first_copy()
    {
        var matcher = Match.EachLike(new { id = Match.Integer(7), at = Match.DateTime("yyyy"), gone = Match.Null() }, min: 3);
        AssertJson(
            """
            {"pact:matcher:type":"type","min":3,"value":[
              {"id":{"pact:matcher:type":"integer","value":7},"at":{"pact:matcher:type":"datetime","format":"yyyy","pact:generator:type":"DateTime","value":"2026"},"gone":{"pact:matcher:type":"null"}},
              {"id":7,"at":"2026","gone":null},
              {"id":7,"at":"2026","gone":null}]}
            """,
            matcher.ToJsonNode());
    }

    [Theory]
    [InlineData("yyyy-ww")]
    [InlineData("yyyy-MM-dd HH:mm zzzz")]
    [InlineData("yyyy-MM-dd 'T")]
    public void A_date_time_pattern_that_cannot_be_rendered_asks_for_an_example(string format)
    {
        var error = Assert.Throws<ArgumentException>(() => Match.DateTime(format));
        Assert.Contains(format, error.Message);
        Assert.Equal("2026-01", Match.DateTime(format, "2026-01").ToJsonNode()["value"]!.GetValue<string>());
    }

    [Fact]
    public void Examples_use_the_configured_serializer_options()
    {
        var snake = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        AssertJson("""{"pact:matcher:type":"type","value":{"event_id":"e"}}""", Match.Type(new { EventId = "e" }).ToJsonNode(snake));
    }

    [Fact]
    public void Invalid_matchers_are_rejected_up_front()
    {
        var regex = Assert.Throws<ArgumentException>(() => Match.Regex("allSessions", "^(all_sessions|single_session)$"));
        Assert.Contains("allSessions", regex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Match.EachLike(new { id = 1 }, min: 0));
        Assert.Throws<ArgumentException>(() => Match.MinType(["a"], 2));
        Assert.Throws<ArgumentException>(() => Match.MaxType(["a", "b", "c"], 2));
        Assert.Throws<ArgumentException>(() => Match.Includes(""));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<Matcher>("{}", PactJson.DefaultOptions));
    }
}
