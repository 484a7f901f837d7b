using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ZoomEvents.Benchmarks.Generation;

public partial class GenerationBenchmarks
{
    private IIncrementalGenerator _generator = null!;
    private CSharpCompilation _compilation = null!;

    partial void SetupGenerator()
    {
        _generator = GeneratorHarness.CreateGenerator();
        _compilation = GeneratorHarness.CreateCompilation();
    }

    /// <summary>
    /// A cold run: a new driver has no cached state, so the spec is parsed, modelled and emitted from scratch. The
    /// generator instance (and its parsed templates) stays loaded, as it does in the compiler server between builds.
    /// </summary>
    [Benchmark(Description = "ZoomEvents generator, cold driver")]
    public int ZoomEventsGenerator() =>
        GeneratorHarness.GeneratedChars(GeneratorHarness.CreateDriver(_generator, _path, _yaml).RunGenerators(_compilation));
}
