using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Xunit;
using Xunit.Abstractions;
using ZoomEvents.Conformance.Pacts;
using ZoomEvents.Conformance.Schemas;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Tests;

/// <summary>
/// Composed inline objects nested inside composed objects: the parent's properties go into every merged variant, so a
/// nested composition must be expanded once, not once per variant (which multiplied with every level of nesting).
/// Work is measured with the builder's own counter, never with a clock.
/// </summary>
public sealed class NestedCompositionTests(ITestOutputHelper output)
{
    private const int Branches = 8;

    [Fact]
    public void Each_extra_level_of_nesting_adds_the_same_expansion_work()
    {
        var work = Enumerable.Range(3, 4).Select(depth =>
        {
            JsonSchemaBuilder.Build(RootSchema(NestedSpec(depth)), SchemaDirection.Response, JsonSchemaBuilder.DefaultWorkBudget, out var stats);
            output.WriteLine($"depth {depth}: work {stats.Work}, fall-backs {stats.FallBacks}");
            Assert.Equal(0, stats.FallBacks);
            return stats.Work;
        }).ToList();

        // Linear growth: re-expanding per variant made each level cost Branches times the one below it.
        var steps = work.Zip(work.Skip(1), (a, b) => b - a).ToList();
        Assert.All(steps, step => Assert.Equal(steps[0], step));
        // One level: its Branches variants, the three properties placed into each, and the two shared ones converted once.
        Assert.Equal(Branches + (Branches * 3) + 2, steps[0]);
    }

    [Fact]
    public void Properties_every_variant_shares_are_checked_once_next_to_the_variants()
    {
        var schema = JsonSchemaBuilder.Build(RootSchema(NestedSpec(2)), SchemaDirection.Response, JsonSchemaBuilder.DefaultWorkBudget, out _);
        output.WriteLine(schema.ToJsonString());

        // Checked once at the top: a validator trying every variant would otherwise validate the child once per variant.
        Assert.Equal("object", schema["properties"]!["child"]!["anyOf"]![0]!["type"]!.GetValue<string>());
        var variants = schema["anyOf"]!.AsArray();
        Assert.Equal(Branches, variants.Count);
        Assert.All(variants, v =>
        {
            // Still declared in every closed variant (so it is not "undeclared"), but with no schema of its own there.
            Assert.Empty(v!["properties"]!["child"]!.AsObject());
            Assert.Empty(v["properties"]!["kind"]!.AsObject());
            Assert.False(v["additionalProperties"]!.GetValue<bool>());
        });
    }

    [Fact]
    public void A_deeply_nested_body_is_still_checked_at_the_deepest_field()
    {
        // The shared "child" is checked next to the variants, not inside each of them, so NJsonSchema (which tries every
        // anyOf variant) validates each level once rather than once per variant of every level above it.
        var checker = new PactChecker(NestedSpec(5));

        var good = checker.Check(ResponseCompositionTests.PactWith("/v2/nodes/n1", NestedBody(5, """{"kind":"leaf","f3":"x"}""")));
        output.WriteLine(good.ToString());
        Assert.Empty(good.Findings);

        var bad = checker.Check(ResponseCompositionTests.PactWith("/v2/nodes/n1", NestedBody(5, """{"kind":"leaf","f3":7}""")));
        output.WriteLine(bad.ToString());
        var finding = Assert.Single(bad.Findings);
        Assert.Equal((RuleCodes.ResponseBodyIncompatible, "/response/body/child/child/child/child/f3"), (finding.Code, finding.Pointer));

        var extra = checker.Check(ResponseCompositionTests.PactWith("/v2/nodes/n1", NestedBody(5, """{"kind":"leaf","f3":"x","colour":"red"}""")));
        Assert.Equal("/response/body/child/child/child/child/colour", Assert.Single(extra.Findings).Pointer);
    }

    [Fact]
    public void Past_the_work_budget_composed_objects_are_left_open_and_the_work_stops()
    {
        var root = RootSchema(NestedSpec(6));
        JsonSchemaBuilder.Build(root, SchemaDirection.Response, JsonSchemaBuilder.DefaultWorkBudget, out var unbounded);
        var schema = JsonSchemaBuilder.Build(root, SchemaDirection.Response, workBudget: 40, out var stats);
        output.WriteLine($"unbounded work {unbounded.Work}; with budget 40: work {stats.Work}, fall-backs {stats.FallBacks}");

        // Expansion is depth first, so the innermost levels are the ones that find the budget spent.
        Assert.Equal(0, unbounded.FallBacks);
        Assert.Equal(1, stats.FallBacks);
        Assert.True(stats.Work < unbounded.Work, "running out of budget did not save any work");
        Assert.Contains("not checked", schema.ToJsonString(), StringComparison.Ordinal);
    }

    private static IOpenApiSchema RootSchema(OpenApiSpec spec) =>
        spec.Operations.Single().Operation.Responses!["200"].Content!["application/json"].Schema!;

    /// <summary>A node: "kind" and "child" next to an 8-branch oneOf, the child being the next node, <paramref name="depth"/> deep.</summary>
    internal static OpenApiSpec NestedSpec(int depth)
    {
        JsonObject Node(int level)
        {
            var properties = new JsonObject { ["kind"] = new JsonObject { ["type"] = "string" } };
            if (level < depth)
            {
                properties["child"] = Node(level + 1);
            }

            var branches = new JsonArray();
            for (var i = 0; i < Branches; i++)
            {
                branches.Add(new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["f" + i] = new JsonObject { ["type"] = "string" } },
                });
            }

            return new JsonObject { ["type"] = "object", ["properties"] = properties, ["oneOf"] = branches };
        }

        var spec = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "nested composition", ["version"] = "1" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://api.example.com/v2" }),
            ["paths"] = new JsonObject
            {
                ["/nodes/{nodeId}"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "getNode",
                        ["parameters"] = new JsonArray(JsonNode.Parse("""{"name":"nodeId","in":"path","required":true,"schema":{"type":"string"}}""")),
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "a node",
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Node(1) } },
                            },
                        },
                    },
                },
            },
        };
        return OpenApiSpec.Parse(spec.ToJsonString(), "nested-composition.json");
    }

    private static string NestedBody(int depth, string innermost)
    {
        var body = innermost;
        for (var level = depth - 1; level >= 1; level--)
        {
            body = $$"""{"kind":"level{{level}}","f0":"x","child":{{body}}}""";
        }

        return body;
    }
}
