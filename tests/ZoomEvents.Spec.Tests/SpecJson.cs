using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ZoomEvents.Spec.Tests;

/// <summary>
/// The contract as a plain JSON tree, produced by round-tripping it through Microsoft.OpenApi. Tests that inspect
/// raw keywords (examples, extensions, $ref targets) work on this tree, so they see exactly what the OpenAPI library
/// understood rather than what a second YAML parser might make of the file.
/// </summary>
internal static class SpecJson
{
    private static readonly Lazy<JsonObject> ContractLazy = new(() => LoadFile(SpecFiles.ContractPath));

    public static JsonObject Contract => ContractLazy.Value;

    public static JsonObject LoadFile(string path)
    {
        var (document, diagnostic) = SpecFiles.Parse(File.ReadAllText(path));
        if (document is null)
        {
            var errors = diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? [];
            throw new InvalidOperationException($"{path} could not be parsed:\n" + string.Join("\n", errors));
        }

        var json = document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0).GetAwaiter().GetResult();
        return JsonNode.Parse(json)?.AsObject()
            ?? throw new InvalidOperationException($"{path} serialized to an empty document.");
    }

    /// <summary>Follows a local <c>$ref</c> ("#/components/...") until a non-reference node is reached.</summary>
    public static JsonNode Resolve(JsonObject root, JsonNode node)
    {
        var current = node;
        for (var hops = 0; current is JsonObject obj && obj["$ref"] is JsonValue refValue; hops++)
        {
            if (hops > 32)
            {
                throw new InvalidOperationException("Reference cycle while resolving " + refValue);
            }

            current = Pointer(root, refValue.GetValue<string>());
        }

        return current;
    }

    public static JsonNode Pointer(JsonObject root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only local references are supported, got '{reference}'.");
        }

        JsonNode? current = root;
        foreach (var rawSegment in reference[2..].Split('/'))
        {
            var segment = rawSegment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                throw new InvalidOperationException($"Reference '{reference}' does not point at anything.");
            }
        }

        return current;
    }
}
