using System.Collections.Immutable;
using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ZoomEvents.Generator.Tests.Infrastructure;

namespace ZoomEvents.Generator.Tests;

/// <summary>
/// Incrementality, observed through TrackIncrementalGeneratorSteps: unrelated edits hit the cache everywhere, a spec
/// edit re-renders only what it touches, and no pipeline value holds compiler objects that would defeat caching.
/// </summary>
public sealed class CacheTests
{
    private static readonly string[] Steps =
    {
        TrackingNames.Defaults, TrackingNames.SpecFiles, TrackingNames.Templates, TrackingNames.Parse, TrackingNames.Units, TrackingNames.Render,
    };

    private static readonly InputFile Pets = InputFile.Spec("/specs/petstore.yaml", GeneratorHarness.ReadSpec("petstore.yaml"));

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { Pets }, trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions)));

        var result = driver.GetRunResult().Results.Single();
        AssertAll(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Unrelated_additional_file_changes_nothing()
    {
        var other = InputFile.Plain("/data/settings.json", "{\"a\": 1}");
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { Pets, other }, out var texts, trackSteps: true).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(texts[1], new InMemoryAdditionalText(other.Path, "{\"a\": 2}")).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.DoesNotContain(result.TrackedSteps[TrackingNames.Render].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Whitespace_only_spec_edit_reparses_but_renders_nothing()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { Pets }, out var texts, trackSteps: true).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(Pets.Path, Pets.Text + "\n\n# a trailing comment\n")).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, result.TrackedSteps[TrackingNames.Parse].Single().Outputs.Single().Reason);
        Assert.All(result.TrackedSteps[TrackingNames.Render].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Changing_one_schema_rerenders_only_its_file()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { Pets }, out var texts, trackSteps: true).RunGenerators(compilation);
        var edited = Pets.Text.Replace("        message:\n          type: string", "        message:\n          type: string\n          description: Human-readable explanation.");
        Assert.NotEqual(Pets.Text, edited);

        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(Pets.Path, edited)).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var modified = result.TrackedSteps[TrackingNames.Render].SelectMany(s => s.Outputs).Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var only = Assert.Single(modified);
        Assert.Equal("Petstore.Error.g.cs", ((dynamic)only.Value).HintName);
    }

    [Fact]
    public void Changing_the_spec_title_rerenders_only_the_root_client()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.CreateDriver(new[] { Pets }, out var texts, trackSteps: true).RunGenerators(compilation);
        var edited = System.Text.RegularExpressions.Regex.Replace(Pets.Text, "(?m)^  title: .*$", "  title: Renamed Pet Store");
        Assert.NotEqual(Pets.Text, edited);

        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(Pets.Path, edited)).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var modified = result.TrackedSteps[TrackingNames.Render].SelectMany(s => s.Outputs).Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        var only = Assert.Single(modified);
        Assert.Contains("Renamed Pet Store", (string)((dynamic)only.Value).Source);
        // The other files were not rendered again at all (Cached), not merely rendered to the same text (Unchanged).
        var others = result.TrackedSteps[TrackingNames.Render].SelectMany(s => s.Outputs).Where(o => o.Reason != IncrementalStepRunReason.Modified).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Adding_another_spec_file_leaves_the_first_specs_parse_cached()
    {
        var other = InputFile.Spec("/specs/other.yaml", GeneratorHarness.ReadSpec("swagger2.yaml"), "Other.Api");
        var compilation = GeneratorHarness.Compilation();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ZoomEventsGenerator().AsSourceGenerator() },
            new[] { (AdditionalText)new InMemoryAdditionalText(Pets.Path, Pets.Text) },
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new[] { Pets, other }, new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        driver = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(other.Path, other.Text))).RunGenerators(compilation);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var parses = steps[TrackingNames.Parse].SelectMany(s => s.Outputs).ToList();
        var debug = string.Join(" | ", steps.Select(kv => kv.Key + ":" + string.Join(",", kv.Value.Select(st => string.Join("/", st.Inputs.Select(i => i.Source.Name + "=" + i.Source.Outputs[i.OutputIndex].Reason)) + "->" + string.Join("/", st.Outputs.Select(o => o.Reason))))));
        Assert.True(parses.Count == 2, string.Join(", ", parses.Select(o => o.Reason)));
        Assert.True(parses.Any(o => o.Reason == IncrementalStepRunReason.Cached), debug);
        Assert.Contains(parses, o => o.Reason == IncrementalStepRunReason.New);
    }

    [Fact]
    public void Pipeline_values_hold_no_compiler_objects()
    {
        var template = InputFile.Template("/templates/int-enum.sbn-cs", "int-enum", "// custom\n");
        var driver = GeneratorHarness.CreateDriver(new[] { Pets, template }, trackSteps: true).RunGenerators(GeneratorHarness.Compilation());

        var result = driver.GetRunResult().Results.Single();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs)) Walk(output.Value, step, visited, 0);
        }
    }

    private static readonly Type[] Banned =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(AdditionalText), typeof(SourceText), typeof(Location),
    };

    private static void Walk(object? value, string path, HashSet<object> visited, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 40) return;
        var type = value.GetType();
        Assert.False(Banned.Any(b => b.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (!type.IsValueType && !visited.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Walk(item, path + "[" + i++ + "]", visited, depth + 1);
        }
        // Only our own types are opened field by field; third-party objects (parsed templates) are checked by type above.
        if (type.Assembly != typeof(ZoomEventsGenerator).Assembly && !type.IsGenericType) return;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, visited, depth + 1);
        }
    }

    private static void AssertAll(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "step " + step + " was not tracked");
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Assert.True(allowed.Contains(output.Reason), $"{step}: {output.Reason}");
            }
        }
    }
}
