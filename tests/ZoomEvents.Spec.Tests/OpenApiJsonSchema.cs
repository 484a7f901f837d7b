using System.Text.Json.Nodes;

namespace ZoomEvents.Spec.Tests;

/// <summary>
/// Turns OpenAPI 3.0 schema objects into JSON Schema (draft 4, which NJsonSchema reads) so examples can be checked.
/// </summary>
/// <remarks>
/// The two dialects differ in a few places that matter for validation: OpenAPI's <c>nullable</c> has to become a
/// <c>"null"</c> type, component references move from <c>#/components/schemas</c> to <c>#/definitions</c>, and
/// OpenAPI-only keywords (<c>example</c>, <c>deprecated</c>, <c>x-*</c>, …) are dropped so the validator never
/// interprets them. Objects that do not say otherwise are closed (<c>additionalProperties: false</c>): a misspelt
/// field in an example is exactly the mistake these tests exist to catch, and open objects would let it through.
/// </remarks>
internal static class OpenApiJsonSchema
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly HashSet<string> DroppedKeywords = new(StringComparer.Ordinal)
    {
        "nullable", "example", "examples", "deprecated", "discriminator", "xml", "externalDocs", "readOnly", "writeOnly",
    };

    /// <summary>
    /// Builds one JSON Schema document holding every component schema under <c>definitions</c>, plus the extra
    /// schemas given (keyed by the caller's names) so they can reference the components.
    /// </summary>
    public static JsonObject BuildDocument(JsonObject spec, IReadOnlyDictionary<string, JsonNode> extraSchemas)
    {
        var openParts = NamesUsedInsideAllOf(spec);
        foreach (var extra in extraSchemas.Values)
        {
            openParts.UnionWith(NamesUsedInsideAllOf(extra));
        }

        var definitions = new JsonObject();
        if (spec["components"]?["schemas"] is JsonObject components)
        {
            foreach (var (name, schema) in components)
            {
                definitions[name] = Convert(schema!, openParts.Contains(name));
            }
        }

        foreach (var (name, schema) in extraSchemas)
        {
            if (definitions.ContainsKey(name))
            {
                throw new ArgumentException($"Extra schema name '{name}' collides with a component schema.", nameof(extraSchemas));
            }

            definitions[name] = Convert(schema, keepOpen: false);
        }

        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["definitions"] = definitions,
        };
    }

    public static JsonNode Convert(JsonNode schema, bool keepOpen)
    {
        if (schema is not JsonObject source)
        {
            // Boolean schemas do not exist in OpenAPI 3.0; anything else is copied as-is for the validator to judge.
            return schema.DeepClone();
        }

        var target = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (value is null || DroppedKeywords.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            target[key] = key switch
            {
                "$ref" => RewriteReference(value.GetValue<string>()),
                "properties" => MapObject(value.AsObject(), keepOpen: false),
                "items" or "not" => Convert(value, keepOpen: false),
                "additionalProperties" when value is JsonObject => Convert(value, keepOpen: false),
                "allOf" => MapArray(value.AsArray(), keepOpen: true),
                "oneOf" or "anyOf" => MapArray(value.AsArray(), keepOpen: false),
                _ => value.DeepClone(),
            };
        }

        if (!keepOpen && IsObjectSchema(source) && !source.ContainsKey("additionalProperties") && !source.ContainsKey("allOf"))
        {
            target["additionalProperties"] = false;
        }

        if (source["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            return MakeNullable(target);
        }

        return target;
    }

    private static JsonNode MakeNullable(JsonObject target)
    {
        if (target.ContainsKey("$ref"))
        {
            // Draft 4 ignores keywords next to $ref, so the null alternative has to live outside it.
            return new JsonObject { ["anyOf"] = new JsonArray(target, new JsonObject { ["type"] = "null" }) };
        }

        if (target["type"] is JsonValue type)
        {
            target["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        if (target["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }

        return target;
    }

    private static bool IsObjectSchema(JsonObject schema) =>
        (schema["type"] is JsonValue t && t.GetValue<string>() == "object") || schema.ContainsKey("properties");

    private static string RewriteReference(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? "#/definitions/" + reference[ComponentPrefix.Length..]
            : throw new InvalidOperationException($"Schema reference '{reference}' does not point at a component schema.");

    private static JsonObject MapObject(JsonObject source, bool keepOpen)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            result[key] = value is null ? null : Convert(value, keepOpen);
        }

        return result;
    }

    private static JsonArray MapArray(JsonArray source, bool keepOpen) =>
        new(source.Select(item => item is null ? null : Convert(item, keepOpen)).ToArray());

    // Parts of an allOf must stay open, or each part would reject the properties contributed by the others.
    private static HashSet<string> NamesUsedInsideAllOf(JsonNode spec)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Visit(spec, insideAllOf: false);
        return names;

        void Visit(JsonNode? node, bool insideAllOf)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (insideAllOf && key == "$ref" && value is JsonValue v &&
                            v.GetValue<string>() is { } r && r.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                        {
                            names.Add(r[ComponentPrefix.Length..]);
                        }

                        Visit(value, key == "allOf");
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Visit(item, insideAllOf);
                    }

                    break;
            }
        }
    }
}
