using System.Reflection;
using System.Text.Json;

namespace ZoomEvents.Generator.Tests.Infrastructure;

/// <summary>The pinned contract (plus optional extra sources) generated, compiled and loaded once per test run.</summary>
internal sealed class GeneratedAssembly
{
    private static readonly Lazy<GeneratedAssembly> PinnedContract = new(() => Build("contract-pinned.yaml", "Test.Api"));

    private GeneratedAssembly(Assembly assembly, string ns)
    {
        Assembly = assembly;
        Namespace = ns;
        var resolver = assembly.GetType(ns + ".ZoomEventsClientJsonResolver", throwOnError: true)!;
        Options = (JsonSerializerOptions)resolver.GetProperty("Options")!.GetValue(null)!;
    }

    public static GeneratedAssembly Contract => PinnedContract.Value;

    public Assembly Assembly { get; }

    public string Namespace { get; }

    /// <summary>The generated resolver's options: the no-reflection path consumers use with JsonSerializer.</summary>
    public JsonSerializerOptions Options { get; }

    public Type Type(string name) => Assembly.GetType(Namespace + "." + name, throwOnError: true)!;

    public object Read(string typeName, string json) => JsonSerializer.Deserialize(json, Type(typeName), Options)!;

    public string Write(string typeName, object value) => JsonSerializer.Serialize(value, Type(typeName), Options);

    /// <summary>The live contract (contracts/zoom-events.openapi.yaml) compiled with consumer code using it.</summary>
    public static GeneratedAssembly BuildLive(params string[] consumerSources) => Build("live/zoom-events.openapi.yaml", "Zoom.Live", consumerSources);

    public static GeneratedAssembly Build(string fixture, string ns, params string[] extraSources)
    {
        var driver = GeneratorHarness.CreateDriver(new[] { InputFile.Spec("/specs/" + fixture, GeneratorHarness.ReadSpec(fixture), ns) });
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(extraSources), out var output, out _);
        var problems = GeneratorHarness.CompileProblems(output);
        if (problems.Count > 0) throw new InvalidOperationException("Generated code or its consumer has problems:\n" + GeneratorHarness.Describe(problems));
        return new GeneratedAssembly(GeneratorHarness.Load(output), ns);
    }

    public static object? Get(object target, string property)
        => target.GetType().GetProperty(property)?.GetValue(target) ?? throw new InvalidOperationException(property + " is null or missing");
}
