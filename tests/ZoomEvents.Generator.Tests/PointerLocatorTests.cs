using ZoomEvents.Generator.Parsing;

namespace ZoomEvents.Generator.Tests;

public sealed class PointerLocatorTests
{
    private const string Json = "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"A\": {\"type\": \"object\", \"properties\": {\n      \"b\": {\"$ref\": \"#/x\"}}}}}\n}";

    private const string Yaml = "openapi: 3.0.3\npaths:\n  /a/{id}:\n    get:\n      parameters:\n        - name: id\n          in: path\n        - name: q\n          in: query\n          schema:\n            type: string\n";

    [Fact]
    public void Json_pointer_skips_earlier_inline_objects()
    {
        const string json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {\n    \"A\": {\"type\": \"object\", \"properties\": {\n      \"b\": {\"$ref\": \"#/components/schemas/Missing\"}}}}}\n}";

        var at = new PointerLocator("a.json", json, isJson: true).Locate("#/components/schemas/A/properties/b", null);

        Assert.Equal((7, 7), (at.StartLine + 1, at.StartColumn + 1));
    }

    [Theory]
    [InlineData("#/components/schemas/A/properties/b", 6, 7)]
    [InlineData("#/components/schemas/A", 5, 5)]
    [InlineData("#/paths", 3, 3)]
    public void Json_pointer_maps_to_the_key_position(string pointer, int line, int column)
    {
        var at = new PointerLocator("a.json", Json, isJson: true).Locate(pointer, null);

        Assert.Equal((line, column), (at.StartLine + 1, at.StartColumn + 1));
    }

    [Theory]
    [InlineData("#/paths/~1a~1{id}/get/parameters/1/schema", 10, 11)]
    [InlineData("#/paths/~1a~1{id}/get/parameters/0", 6, 9)]
    [InlineData("#/paths/~1a~1{id}/get/parameters/1/in", 9, 11)]
    [InlineData("#/paths/~1missing/get", 2, 1)]
    public void Yaml_pointer_walks_indentation_and_sequences(string pointer, int line, int column)
    {
        var at = new PointerLocator("a.yaml", Yaml, isJson: false).Locate(pointer, null);

        Assert.Equal((line, column), (at.StartLine + 1, at.StartColumn + 1));
    }

    [Fact]
    public void Positions_in_reader_messages_win_over_pointers()
    {
        var locator = new PointerLocator("a.yaml", Yaml, isJson: false);

        Assert.Equal(3, locator.Locate("#/paths", "Unable to parse the YAML document at line 4, column 3: …").StartLine);
        Assert.Equal(2, locator.Locate(null, "bad JSON. LineNumber: 2 | BytePositionInLine: 5.").StartLine);
    }
}
