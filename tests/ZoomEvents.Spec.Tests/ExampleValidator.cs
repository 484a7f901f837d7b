using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ZoomEvents.Spec.Tests;

/// <summary>An example found in the spec together with the schema it claims to follow.</summary>
/// <param name="Location">Readable JSON path of the example inside the spec, e.g. <c>paths["/x"].post.requestBody….example</c>.</param>
internal sealed record ExampleCase(string Location, JsonNode? Example, JsonNode Schema);

/// <summary>
/// Finds every example in an OpenAPI 3.0 document (media types, parameters, headers, schemas) and validates it
/// with NJsonSchema against the schema it sits next to.
/// </summary>
internal static class ExampleValidator
{
    private static readonly string[] SchemaChildObjects = ["items", "additionalProperties", "not"];
    private static readonly string[] SchemaChildArrays = ["allOf", "oneOf", "anyOf"];

    public static IReadOnlyList<ExampleCase> Collect(JsonObject spec)
    {
        var cases = new List<ExampleCase>();
        WalkNonSchema(spec, spec, [], cases);
        return cases;
    }

    /// <summary>Returns one message per example that does not match; each names the example and the failing fields.</summary>
    public static IReadOnlyList<string> Validate(JsonObject spec)
    {
        var cases = Collect(spec);
        var keys = cases.Select((_, i) => $"__example_{i}").ToArray();
        var extra = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            extra[keys[i]] = cases[i].Schema;
        }

        var document = OpenApiJsonSchema.BuildDocument(spec, extra);
        var root = JsonSchema.FromJsonAsync(document.ToJsonString()).GetAwaiter().GetResult();

        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var exampleJson = cases[i].Example?.ToJsonString() ?? "null";
            var errors = root.Definitions[keys[i]].Validate(exampleJson);
            if (errors.Count > 0)
            {
                failures.Add(Describe(cases[i].Location, errors));
            }
        }

        return failures;
    }

    private static string Describe(string location, IEnumerable<ValidationError> errors)
    {
        var text = new StringBuilder();
        text.Append(location).Append(": example does not match its schema");
        foreach (var line in Flatten(errors, depth: 1))
        {
            text.Append('\n').Append(line);
        }

        return text.ToString();
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var error in errors)
        {
            var field = string.IsNullOrEmpty(error.Property) ? "(value)" : $"field '{error.Property}'";
            yield return $"{indent}- at {error.Path}: {field}: {error.Kind}";
            if (error is ChildSchemaValidationError child)
            {
                // oneOf/anyOf report one error list per alternative; array items and references report just one.
                var labelled = child.Errors.Count > 1;
                var branch = 0;
                foreach (var (_, childErrors) in child.Errors)
                {
                    if (labelled)
                    {
                        yield return $"{indent}  alternative {++branch}:";
                    }

                    foreach (var line in Flatten(childErrors, labelled ? depth + 2 : depth + 1))
                    {
                        yield return line;
                    }
                }
            }
        }
    }

    // Outside schemas: parameters, headers and media types carry "schema" next to "example"/"examples".
    private static void WalkNonSchema(JsonObject spec, JsonNode? node, List<string> path, List<ExampleCase> cases)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add($"[{i}]");
                    WalkNonSchema(spec, array[i], path, cases);
                    path.RemoveAt(path.Count - 1);
                }

                break;

            case JsonObject obj:
                if (obj["schema"] is { } schema)
                {
                    AddSiblingExamples(spec, obj, schema, path, cases);
                }

                var isComponentSchemas = path.Count == 2 && path[0] == "components" && path[1] == "schemas";
                foreach (var (key, child) in obj)
                {
                    if (key is "example" or "examples" || child is null)
                    {
                        continue; // example payloads are data, never spec structure
                    }

                    path.Add(key);
                    if (key == "schema" || isComponentSchemas)
                    {
                        WalkSchema(child, path, cases);
                    }
                    else
                    {
                        WalkNonSchema(spec, child, path, cases);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }

    private static void AddSiblingExamples(JsonObject spec, JsonObject holder, JsonNode schema, List<string> path, List<ExampleCase> cases)
    {
        if (holder.ContainsKey("example"))
        {
            cases.Add(new ExampleCase(Render(path, "example"), holder["example"], schema));
        }

        if (holder["examples"] is JsonObject named)
        {
            foreach (var (name, entry) in named)
            {
                if (entry is not null && SpecJson.Resolve(spec, entry) is JsonObject resolved && resolved.ContainsKey("value"))
                {
                    cases.Add(new ExampleCase(Render(path, "examples", name, "value"), resolved["value"], schema));
                }
            }
        }
    }

    // Inside schemas: an "example" keyword documents that very schema.
    private static void WalkSchema(JsonNode node, List<string> path, List<ExampleCase> cases)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema.ContainsKey("example"))
        {
            cases.Add(new ExampleCase(Render(path, "example"), schema["example"], schema));
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is not null)
                {
                    path.Add("properties");
                    path.Add(name);
                    WalkSchema(property, path, cases);
                    path.RemoveRange(path.Count - 2, 2);
                }
            }
        }

        foreach (var key in SchemaChildObjects)
        {
            if (schema[key] is JsonObject child)
            {
                path.Add(key);
                WalkSchema(child, path, cases);
                path.RemoveAt(path.Count - 1);
            }
        }

        foreach (var key in SchemaChildArrays)
        {
            if (schema[key] is JsonArray parts)
            {
                for (var i = 0; i < parts.Count; i++)
                {
                    path.Add(key);
                    path.Add($"[{i}]");
                    WalkSchema(parts[i]!, path, cases);
                    path.RemoveRange(path.Count - 2, 2);
                }
            }
        }
    }

    /// <summary>Renders a path as <c>paths["/zoom_events/hubs"].get.responses["200"]…</c>: readable and unambiguous.</summary>
    internal static string Render(IEnumerable<string> segments, params string[] tail)
    {
        var text = new StringBuilder();
        foreach (var segment in segments.Concat(tail))
        {
            if (segment.StartsWith('['))
            {
                text.Append(segment);
            }
            else if (segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') && !char.IsAsciiDigit(segment[0]))
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment);
            }
            else
            {
                text.Append("[\"").Append(segment).Append("\"]");
            }
        }

        return text.ToString();
    }
}
