using System.Text.Json.Nodes;
using NJsonSchema;

namespace ZoomEvents.Spec.Tests;

/// <summary>The OpenAPI-to-JSON-Schema conversion behind the example checks, tested on small hand-made schemas.</summary>
public sealed class OpenApiJsonSchemaTests
{
    private const string Components = """
        {
          "Colour": { "type": "string", "enum": ["red", "green"] },
          "Named": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } },
          "Aged": { "type": "object", "properties": { "age": { "type": "integer" } } },
          "Open": { "type": "object", "additionalProperties": true, "properties": { "id": { "type": "string" } } }
        }
        """;

    [Theory]
    [InlineData("""{ "type": "string", "nullable": true }""", "null", true)]
    [InlineData("""{ "type": "string", "nullable": true }""", "\"text\"", true)]
    [InlineData("""{ "type": "string", "nullable": true }""", "5", false)]
    [InlineData("""{ "type": "string" }""", "null", false)]
    [InlineData("""{ "type": "string", "enum": ["a", "b"], "nullable": true }""", "null", true)]
    [InlineData("""{ "type": "string", "enum": ["a", "b"], "nullable": true }""", "\"c\"", false)]
    [InlineData("""{ "$ref": "#/components/schemas/Colour", "nullable": true }""", "null", true)]
    [InlineData("""{ "$ref": "#/components/schemas/Colour", "nullable": true }""", "\"blue\"", false)]
    [InlineData("""{ "$ref": "#/components/schemas/Colour" }""", "\"green\"", true)]
    [InlineData("""{ "$ref": "#/components/schemas/Named" }""", """{ "name": "x" }""", true)]
    [InlineData("""{ "$ref": "#/components/schemas/Named" }""", """{ "name": "x", "nmae": "typo" }""", false)]
    [InlineData("""{ "$ref": "#/components/schemas/Named" }""", "{}", false)]
    [InlineData("""{ "$ref": "#/components/schemas/Open" }""", """{ "id": "1", "extra": true }""", true)]
    [InlineData("""{ "allOf": [{ "$ref": "#/components/schemas/Named" }, { "$ref": "#/components/schemas/Aged" }] }""", """{ "name": "x", "age": 3 }""", true)]
    [InlineData("""{ "allOf": [{ "$ref": "#/components/schemas/Named" }, { "$ref": "#/components/schemas/Aged" }] }""", """{ "age": 3 }""", false)]
    [InlineData("""{ "type": "array", "items": { "type": "integer", "x-enum-varnames": ["One"], "example": "not checked" } }""", "[1, 2]", true)]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"2026-01-07T13:00:00Z\"", true)]
    [InlineData("""{ "type": "string", "format": "date-time" }""", "\"7 January\"", false)]
    public async Task Converted_schema_accepts_exactly_what_openapi_means(string schema, string instance, bool valid)
    {
        var spec = new JsonObject
        {
            ["components"] = new JsonObject { ["schemas"] = JsonNode.Parse(Components) },
        };
        var document = OpenApiJsonSchema.BuildDocument(spec, new Dictionary<string, JsonNode> { ["target"] = JsonNode.Parse(schema)! });
        var root = await JsonSchema.FromJsonAsync(document.ToJsonString());

        var errors = root.Definitions["target"].Validate(instance);

        Assert.True(valid == (errors.Count == 0), $"Expected {(valid ? "valid" : "invalid")}; errors: {string.Join(", ", errors)}");
    }

    [Fact]
    public void Openapi_only_keywords_do_not_reach_the_validator()
    {
        var converted = OpenApiJsonSchema.Convert(
            JsonNode.Parse("""{ "type": "integer", "nullable": false, "example": 1, "deprecated": true, "readOnly": true, "x-enum-varnames": ["A"] }""")!,
            keepOpen: false).AsObject();

        Assert.Equal(new[] { "type" }, converted.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void References_outside_component_schemas_are_rejected_with_their_target()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            OpenApiJsonSchema.Convert(JsonNode.Parse("""{ "$ref": "#/components/responses/NotFound" }""")!, keepOpen: false));

        Assert.Contains("#/components/responses/NotFound", error.Message, StringComparison.Ordinal);
    }
}
