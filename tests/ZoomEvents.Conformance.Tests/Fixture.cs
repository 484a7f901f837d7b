using System.Text.Json.Nodes;
using ZoomEvents.Conformance.Pacts;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Tests;

/// <summary>Access to the hand-made fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    private static readonly Lazy<OpenApiSpec> MiniSpecLazy = new(() => OpenApiSpec.Load(PathOf("mini-zoom-events.yaml")));

    public static OpenApiSpec MiniSpec => MiniSpecLazy.Value;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static JsonObject GoodPactJson() => (JsonObject)JsonNode.Parse(Text("good-pact.v4.json"))!;

    public static PactFile ToPact(JsonObject json, string source = "edited-pact.json") => PactFile.Parse(json.ToJsonString(), source);
}
