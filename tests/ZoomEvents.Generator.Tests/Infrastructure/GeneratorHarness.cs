using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ZoomEvents.Generator.Tests.Infrastructure;

/// <summary>A spec or template handed to the generator as an AdditionalFile, with its item metadata.</summary>
internal sealed record InputFile(string Path, string Text, IReadOnlyDictionary<string, string> Metadata)
{
    public static InputFile Spec(string path, string text, string? ns = "Test.Api", string? clientName = null, string? visibility = null)
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ZoomEventsSpec"] = "true" };
        if (ns is not null) metadata["build_metadata.AdditionalFiles.Namespace"] = ns;
        if (clientName is not null) metadata["build_metadata.AdditionalFiles.ClientName"] = clientName;
        if (visibility is not null) metadata["build_metadata.AdditionalFiles.Visibility"] = visibility;
        return new InputFile(path, text, metadata);
    }

    public static InputFile Template(string path, string kind, string text)
        => new(path, text, new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ZoomEventsTemplate"] = kind });

    public static InputFile Plain(string path, string text) => new(path, text, new Dictionary<string, string>());
}

/// <summary>Drives the generator in-process the way the compiler does, and compiles what it produced.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string SpecsDirectory => Path.Combine(AppContext.BaseDirectory, "Specs");

    public static string ReadSpec(string name) => File.ReadAllText(Path.Combine(SpecsDirectory, name));

    /// <summary>Everything generated code may reference: the .NET 10 reference pack, the runtime and its DI/config seams.</summary>
    public static IReadOnlyList<MetadataReference> References { get; } = BuildReferences();

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "GeneratedUnderTest" + Guid.NewGuid().ToString("N"),
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        References,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(IEnumerable<InputFile> files, IReadOnlyDictionary<string, string>? globalOptions = null, bool trackSteps = false)
        => CreateDriver(files, out _, globalOptions, trackSteps);

    /// <summary>Also returns the AdditionalText instances, which <c>ReplaceAdditionalText</c> needs.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<InputFile> files, out IReadOnlyList<AdditionalText> texts, IReadOnlyDictionary<string, string>? globalOptions = null, bool trackSteps = false)
    {
        var list = files.ToList();
        texts = list.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new ZoomEventsGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(list, globalOptions ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Runs the generator once over the files and returns its result plus the compilation including its output.</summary>
    public static (GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(params InputFile[] files)
    {
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        return (driver.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>Compiler warnings and errors of the generated code (nullable on, warnings as errors).</summary>
    public static IReadOnlyList<Diagnostic> CompileProblems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the compilation and loads it (collectible), so tests can run the generated converters.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Generated code did not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        stream.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics.Select(d => d.ToString()));

    private static IReadOnlyList<MetadataReference> BuildReferences()
    {
        var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
        foreach (var type in new[]
                 {
                     typeof(ZoomEvents.Runtime.ZoomHttp),
                     typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
                     typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder),
                     typeof(Microsoft.Extensions.Configuration.IConfiguration),
                 })
        {
            references.Add(MetadataReference.CreateFromFile(type.Assembly.Location));
        }
        return references;
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Serves <c>build_property.*</c> globally and <c>build_metadata.*</c> per additional file path.</summary>
internal sealed class TestOptionsProvider(IReadOnlyList<InputFile> files, IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => files.FirstOrDefault(f => f.Path == textFile.Path) is { } file ? new DictionaryOptions(file.Metadata) : Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }
            value = "";
            return false;
        }
    }
}
