using System.Text.Json.Nodes;

namespace ZoomEvents.Spec.Tests;

/// <summary>Small lookups over the contract's JSON tree that keep the assertions in the tests readable.</summary>
internal static class SpecQuery
{
    public static JsonObject Contract => SpecJson.Contract;

    public static JsonObject Operation(string method, string path) =>
        Contract["paths"]?[path]?[method] as JsonObject
        ?? throw new Xunit.Sdk.XunitException($"The contract has no {method.ToUpperInvariant()} {path}.");

    public static JsonObject Schema(string name) =>
        Contract["components"]?["schemas"]?[name] as JsonObject
        ?? throw new Xunit.Sdk.XunitException($"The contract has no component schema '{name}'.");

    public static JsonObject Property(string schema, string property) =>
        Schema(schema)["properties"]?[property] as JsonObject
        ?? throw new Xunit.Sdk.XunitException($"Schema '{schema}' has no property '{property}'.");

    public static JsonNode RequestExample(JsonObject operation, string? name = null)
    {
        var media = MediaType(operation["requestBody"], "request body");
        return ExampleOf(media, name);
    }

    public static JsonNode ResponseExample(JsonObject operation, string status, string? name = null)
    {
        var response = operation["responses"]?[status]
            ?? throw new Xunit.Sdk.XunitException($"The operation has no {status} response.");
        return ExampleOf(MediaType(response, $"{status} response"), name);
    }

    public static string? SchemaRef(JsonNode? holder) => holder?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();

    public static string[] Strings(JsonNode? array) =>
        array?.AsArray().Select(v => v!.GetValue<string>()).ToArray() ?? [];

    public static int[] Ints(JsonNode? array) =>
        array?.AsArray().Select(v => v!.GetValue<int>()).ToArray() ?? [];

    public static string[] Keys(JsonNode? obj) => obj?.AsObject().Select(p => p.Key).ToArray() ?? [];

    private static JsonObject MediaType(JsonNode? holder, string what)
    {
        var resolved = holder is null ? null : SpecJson.Resolve(Contract, holder);
        return resolved?["content"]?["application/json"] as JsonObject
            ?? throw new Xunit.Sdk.XunitException($"The {what} has no application/json content.");
    }

    private static JsonNode ExampleOf(JsonObject media, string? name)
    {
        var example = name is null ? media["example"] : media["examples"]?[name]?["value"];
        return example ?? throw new Xunit.Sdk.XunitException($"No example{(name is null ? string.Empty : $" '{name}'")} found.");
    }
}
