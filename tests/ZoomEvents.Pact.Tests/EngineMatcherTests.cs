using System.Net.Http.Headers;
using System.Text;
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

    public void Dispose() => _dir.Dispose();
}
