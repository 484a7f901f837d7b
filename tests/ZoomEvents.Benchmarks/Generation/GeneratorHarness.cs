using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// Runs our generator the way the compiler does: a <see cref="CSharpGeneratorDriver"/> over a small consumer
/// compilation, the spec as an AdditionalText, and the item metadata MSBuild would pass
/// (<c>build_metadata.AdditionalFiles.ZoomEventsSpec = true</c>, namespace, client name).
/// </summary>
public static class GeneratorHarness
{
    public const string ConsumerNamespace = "Bench.Zoom";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The generator class from ZoomEvents.Generator.dll, found by its [Generator] attribute.</summary>
    public static IIncrementalGenerator CreateGenerator()
    {
        var assembly = Assembly.Load("ZoomEvents.Generator");
        var type = assembly.GetTypes().FirstOrDefault(t =>
            typeof(IIncrementalGenerator).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            ?? throw new InvalidOperationException("ZoomEvents.Generator.dll contains no [Generator] IIncrementalGenerator yet.");
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    /// <summary>A consumer project with one ordinary source file, referencing the .NET 10 reference assemblies.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<MetadataReference>? extraReferences = null)
    {
        var source = CSharpSyntaxTree.ParseText(
            "namespace Consumer;\n\npublic static class Startup\n{\n    public static int Answer() => 42;\n}\n",
            ParseOptions, path: "Startup.cs");
        return CSharpCompilation.Create(
            "Bench.Consumer",
            [source],
            Basic.Reference.Assemblies.Net100.References.All.Concat(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, string specPath, string specText, bool trackSteps = false)
    {
        var spec = new InMemoryAdditionalText(specPath, specText);
        return CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            additionalTexts: [spec],
            parseOptions: ParseOptions,
            optionsProvider: new SpecOptionsProvider(specPath),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Total characters generated, so a run that silently produced nothing is visible in the results.</summary>
    public static int GeneratedChars(GeneratorDriver driver)
    {
        var total = 0;
        foreach (var result in driver.GetRunResult().Results)
        {
            foreach (var source in result.GeneratedSources)
            {
                total += source.SourceText.Length;
            }
        }

        return total;
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>What MSBuild's generated .editorconfig would give the compiler for a ZoomEventsSpec item.</summary>
    private sealed class SpecOptionsProvider(string specPath) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Empty = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

        private readonly AnalyzerConfigOptions _spec = new DictionaryOptions(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.ZoomEventsSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = ConsumerNamespace,
            ["build_metadata.AdditionalFiles.ClientName"] = "ZoomEventsClient",
        }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Bench.Consumer",
        }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            string.Equals(textFile.Path, specPath, StringComparison.Ordinal) ? _spec : Empty;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
