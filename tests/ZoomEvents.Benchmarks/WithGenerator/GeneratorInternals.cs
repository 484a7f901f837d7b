using System.Reflection;
using Microsoft.OpenApi;
using ZoomEvents.Generator;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// Reaches the generator's internal stages (parser, model builder, emitter) by reflection, so the stage benchmarks
/// can split "the reader's parse" from "our work" without the generator exposing them publicly.
/// </summary>
/// <remarks>
/// Reflection costs one <see cref="MethodBase.Invoke(object?, object?[])"/> (well under a microsecond and ~100 bytes)
/// per call; every stage measured here takes milliseconds and megabytes, so it does not move the results. The model
/// builder (<c>SpecParser.Build</c>) is private, so even with InternalsVisibleTo it would need reflection.
/// Names are checked once at start-up: a renamed stage fails loudly instead of benchmarking nothing.
/// </remarks>
public sealed class GeneratorInternals
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly Assembly _assembly = typeof(ZoomEventsGenerator).Assembly;
    private readonly MethodInfo _parse;
    private readonly MethodInfo _build;
    private readonly MethodInfo _units;
    private readonly MethodInfo _render;
    private readonly ConstructorInfo _specFile;
    private readonly ConstructorInfo _locator;
    private readonly ConstructorInfo _parseContext;
    private readonly object _defaults;
    private readonly object _templates;
    private readonly PropertyInfo _api;
    private readonly PropertyInfo _apiContext;
    private readonly PropertyInfo _source;

    public GeneratorInternals()
    {
        var parser = Type("ZoomEvents.Generator.Parsing.SpecParser");
        var emitter = Type("ZoomEvents.Generator.Emitting.Emitter");
        // The 3-argument Parse (file, defaults, token) is the single-spec form of what the pipeline calls.
        _parse = Method(parser, "Parse", parameterCount: 3);
        _build = Method(parser, "Build", parameterCount: 3);
        _units = Method(emitter, "Units", parameterCount: 1);
        _render = Method(emitter, "Render", parameterCount: 2);
        _specFile = Type("ZoomEvents.Generator.Model.SpecFile").GetConstructors().Single();
        _locator = Type("ZoomEvents.Generator.Parsing.PointerLocator").GetConstructors().Single();
        _parseContext = Type("ZoomEvents.Generator.Parsing.ParseContext").GetConstructors().Single();
        _defaults = Type("ZoomEvents.Generator.Model.GeneratorDefaults").GetField("None", Static)!.GetValue(null)!;
        _templates = Type("ZoomEvents.Generator.Emitting.TemplateStore").GetProperty("Default", Static)!.GetValue(null)!;
        _api = Type("ZoomEvents.Generator.Model.ParseResult").GetProperty("Api")!;
        _apiContext = Type("ZoomEvents.Generator.Model.ApiSpec").GetProperty("Context")!;
        _source = Type("ZoomEvents.Generator.Model.EmitResult").GetProperty("Source")!;
    }

    /// <summary>The generator's whole parse step (reader + locator + model), exactly as the pipeline calls it.</summary>
    public object ParseStage(string path, string text) =>
        _parse.Invoke(null, [_specFile.Invoke([path, text, GeneratorHarness.ConsumerNamespace, "ZoomEventsClient", null]), _defaults, CancellationToken.None])!;

    /// <summary>The parsed model (ApiSpec) of a successful parse; throws if the spec did not parse.</summary>
    public object Api(object parseResult) =>
        _api.GetValue(parseResult) ?? throw new InvalidOperationException("The generator could not parse the spec; see the smoke command.");

    /// <summary>Our part of the parse step: the JSON-pointer line index plus the model build over an already-read document.</summary>
    public object BuildModel(OpenApiDocument document, object api, string path, string text)
    {
        var locator = _locator.Invoke([path, text, false]);
        var context = _parseContext.Invoke([path, locator, CancellationToken.None]);
        return _build.Invoke(null, [document, _apiContext.GetValue(api), context])!;
    }

    /// <summary>Emission of every file (units + Scriban render + header), returning the characters produced.</summary>
    public int Emit(object api)
    {
        var total = 0;
        foreach (var unit in (System.Collections.IEnumerable)_units.Invoke(null, [api])!)
        {
            var result = _render.Invoke(null, [unit, _templates])!;
            total += ((string?)_source.GetValue(result))?.Length ?? 0;
        }

        return total;
    }

    private Type Type(string name) =>
        _assembly.GetType(name, throwOnError: false) ?? throw new MissingMemberException($"ZoomEvents.Generator has no type {name} any more; update GeneratorInternals.");

    private static MethodInfo Method(Type type, string name, int parameterCount) =>
        type.GetMethods(Static).SingleOrDefault(m => m.Name == name && m.GetParameters().Length == parameterCount)
        ?? throw new MissingMemberException($"{type.FullName}.{name} with {parameterCount} parameters is gone; update GeneratorInternals.");
}
