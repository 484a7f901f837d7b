using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;
using ZoomEvents.Generator.Tests.Infrastructure;

namespace ZoomEvents.Generator.Tests;

/// <summary>
/// Mutates valid specs (drops, duplicates, retypes and renames nodes, injects hostile strings) and checks the
/// generator never throws and always either produces code that compiles cleanly or says why with a diagnostic.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] Hostile =
    {
        "class", "1st", "a\"b", "*/ }", "line\u2028break", "日本", "", " ", "with space", "$ref", "@", "\\", "</summary>", "{id}", "ZoomEventsClient", "Value", "__p0",
    };

    private static readonly string[] Types = { "string", "integer", "number", "boolean", "object", "array", "null", "nonsense" };

    private static readonly JsonObject[] Seeds = { ToJson("petstore.yaml"), ToJson("vendor-shaped.yaml"), ToJson("unions.yaml"), ToJson("hostile.yaml") };

    [Fact]
    public void Mutated_specs_never_crash_and_compile_or_report()
    {
        var mutation = Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]);
        Gen.Select(Gen.Int[0, Seeds.Length - 1], mutation.Array[1, 4])
            .Sample(sample =>
            {
                var (seed, mutations) = sample;
                var spec = (JsonObject)Seeds[seed].DeepClone();
                foreach (var (kind, at, pick) in mutations) Mutate(spec, kind, at, pick);
                Check(spec.ToJsonString());
            }, iter: 60, threads: 1, print: sample => Seeds.Length + " seeds; mutations " + string.Join(", ", sample.Item2));
    }

    private static void Check(string json)
    {
        var (result, output, _) = GeneratorHarness.Run(InputFile.Spec("/specs/mutated.json", json));

        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "ZEG009" or "ZEG010");
        // Warnings (e.g. ZEG002, ZEG005) still promise compiling code; only an error excuses broken output.
        var reported = result.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        if (reported) return;
        var problems = GeneratorHarness.CompileProblems(output);
        Assert.True(problems.Count == 0, "no diagnostic, yet the generated code has problems:\n" + GeneratorHarness.Describe(problems.Take(5)) + "\nspec: " + json);
    }

    private static void Mutate(JsonObject root, int kind, int at, int pick)
    {
        var objects = new List<JsonObject>();
        Collect(root, objects);
        var target = objects[at % objects.Count];
        var keys = target.Select(p => p.Key).ToList();
        if (keys.Count == 0) return;
        var key = keys[pick % keys.Count];
        switch (kind)
        {
            case 0: // drop a member
                target.Remove(key);
                break;
            case 1: // duplicate a member under a colliding-ish name
                target[key + "_" + Hostile[pick % Hostile.Length]] = target[key]?.DeepClone();
                break;
            case 2: // retype
                target["type"] = Types[pick % Types.Length];
                break;
            case 3: // rename a key to something hostile
                var value = target[key]?.DeepClone();
                target.Remove(key);
                target[Hostile[pick % Hostile.Length] + key] = value;
                break;
            case 4: // hostile text where text is read
                target[(new[] { "description", "title", "operationId", "format" })[pick % 4]] = Hostile[pick % Hostile.Length];
                break;
            case 5: // enums with hostile or mixed values
                target["enum"] = new JsonArray(Hostile[pick % Hostile.Length], 1, null, Hostile[(pick / 7) % Hostile.Length]);
                break;
            default: // dangling or odd references
                target[key] = new JsonObject { ["$ref"] = (pick % 2 == 0 ? "#/components/schemas/" : "#/nowhere/") + Hostile[pick % Hostile.Length] };
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> into)
    {
        switch (node)
        {
            case JsonObject obj:
                into.Add(obj);
                foreach (var pair in obj) Collect(pair.Value, into);
                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, into);
                break;
        }
    }

    private static JsonObject ToJson(string fixture)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(GeneratorHarness.ReadSpec(fixture)));
        return (JsonObject)yaml.Documents[0].ToJsonNode();
    }
}
