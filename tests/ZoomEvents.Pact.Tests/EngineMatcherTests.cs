using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ZoomEvents.Pact.Tests;

/// <summary>
/// Matchers judged by the engine itself rather than by their JSON text: the example a matcher writes must satisfy the
/// rule it records, otherwise the mock server answers values that the provider verification (or the next request) rejects.
/// </summary>
public sealed class EngineMatcherTests(ITestOutputHelper output) : IDisposable
{
    private const string Consumer = "EngineMatcherClient";
    private const string Provider = "EngineMatcherProvider";
    private readonly TempDir _dir = new();

    /// <summary>
    /// Interaction 1 answers <paramref name="value"/>'s example; interaction 2 expects a request body checked with the same
    /// matcher. The client posts back exactly what the mock answered, so the engine's matcher judges the engine's own example.
    /// </summary>
    private async Task<string> EchoThroughTheEngineAsync(Func<Matcher> value)
    {
        using var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = _dir.Path, Output = output.WriteLine });
        pact.UponReceiving("read a value")
            .WithRequest(HttpMethod.Get, "/value")
            .WillRespond().WithStatus(200).WithJsonBody(new { value = value() });
        pact.UponReceiving("write the value back")
            .WithRequest(HttpMethod.Post, "/value")
            .WithJsonBody(new { value = value() })
            .WillRespond().WithStatus(204);

        var answered = "";
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            answered = await http.GetStringAsync("value");
            using var content = new StringContent(answered, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("value", content);
            Assert.Equal(204, (int)response.StatusCode);
        });
        output.WriteLine($"mock answered {answered}");
        return answered;
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-7.0)]
    [InlineData(0.0)]
    [InlineData(1e21)]
    [InlineData(2.5)]
    public async Task A_whole_decimal_example_satisfies_the_engines_decimal_matcher(double example)
    {
        var answered = await EchoThroughTheEngineAsync(() => Match.Decimal(example));

        Assert.Equal(example, JsonNode.Parse(answered)!["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_whole_System_Decimal_example_satisfies_the_engines_decimal_matcher()
    {
        var answered = await EchoThroughTheEngineAsync(() => Match.Decimal(2m));

        Assert.Equal(2m, JsonNode.Parse(answered)!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task EachLike_with_min_above_one_records_each_nested_rule_once_for_every_element()
    {
        var element = new { id = Match.Integer(7), at = Match.DateTime("yyyy-MM-dd"), name = Match.Type("Launch") };
        using (var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = _dir.Path, Output = output.WriteLine }))
        {
            pact.UponReceiving("list items")
                .WithRequest(HttpMethod.Get, "/items")
                .WillRespond().WithStatus(200).WithJsonBody(new { items = Match.EachLike(element, min: 3) });
            await pact.VerifyAsync(async ctx =>
            {
                using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
                var items = JsonNode.Parse(await http.GetStringAsync("items"))!["items"]!.AsArray();
                Assert.Equal(3, items.Count);
                Assert.All(items, item => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item!["at"]!.GetValue<string>()));
            });
        }

        var response = _dir.ReadPact(Consumer, Provider)["interactions"]![0]!["response"]!;
        output.WriteLine(response.ToJsonString());
        var ruleKeys = response["matchingRules"]!["body"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["$.items", "$.items[*].at", "$.items[*].id", "$.items[*].name"], ruleKeys);
        Assert.All(response["matchingRules"]!["body"]!.AsObject(), rule => Assert.Single(rule.Value!["matchers"]!.AsArray()));
        var generatorKeys = response["generators"]?["body"]?.AsObject().Select(p => p.Key).ToArray() ?? [];
        Assert.All(generatorKeys, key => Assert.DoesNotContain("[1]", key, StringComparison.Ordinal));
        Assert.All(generatorKeys, key => Assert.DoesNotContain("[2]", key, StringComparison.Ordinal));
        var examples = response["body"]!["content"]!["items"]!.AsArray();
        Assert.Equal(3, examples.Count);
        Assert.All(examples, e => Assert.Equal(JsonValueKind.String, e!["at"]!.GetValueKind()));
    }

    [Theory]
    [InlineData("yyyy-MM-dd")]
    [InlineData(Match.UtcDateTimeFormat)]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ssZ")]
    [InlineData("EEE, dd MMM yyyy HH:mm:ss z")]
    [InlineData("dd/MM/yy hh:mm a")]
    [InlineData("yyyy-DDD'T'kk:mm:ss.SSSS X")]
    public async Task A_generated_date_time_example_satisfies_the_engines_datetime_matcher(string format)
    {
        var matcher = Match.DateTime(format);
        var example = Matcher.StripMatchers(matcher.ToJsonNode())!.GetValue<string>();
        output.WriteLine($"{format} -> {example}");

        using var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = _dir.Path, Output = output.WriteLine });
        pact.UponReceiving("send a timestamp")
            .WithRequest(HttpMethod.Post, "/stamp")
            .WithJsonBody(new { at = matcher })
            .WillRespond().WithStatus(204);
        await pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            using var content = new StringContent(new JsonObject { ["at"] = example }.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("stamp", content);
            Assert.Equal(204, (int)response.StatusCode);
        });
    }

    public void Dispose() => _dir.Dispose();
}
