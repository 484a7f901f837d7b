using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ZoomEvents.Benchmarks.Infrastructure;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// Issue 3 target: after an unrelated C# edit the generator does no parsing and the re-run takes under 1 ms.
/// The driver has already run once on the original compilation; each measured call re-runs that same driver on a
/// compilation with one extra, unrelated syntax tree (what an IDE keystroke or an incremental build hands it).
/// "Smoke" checks separately (with step tracking on) that every tracked step reports Cached/Unchanged.
/// </summary>
[BenchmarkCategory("incremental")]
public class IncrementalBenchmarks
{
    private IIncrementalGenerator _generator = null!;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private string _yaml = "";
    private string _path = "";

    [Params(SpecInputs.Contract, SpecInputs.Synthetic)]
    public string Spec { get; set; } = SpecInputs.Contract;

    [GlobalSetup]
    public void Setup()
    {
        _yaml = SpecInputs.Text(Spec);
        _path = SpecInputs.VirtualPath(Spec);
        _generator = GeneratorHarness.CreateGenerator();
        _compilation = GeneratorHarness.CreateCompilation();
        _edited = AddUnrelatedEdit(_compilation);
        _warm = GeneratorHarness.CreateDriver(_generator, _path, _yaml).RunGenerators(_compilation);
    }

    public static CSharpCompilation AddUnrelatedEdit(CSharpCompilation compilation) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer;\n\ninternal sealed class Unrelated\n{\n    public int Counter { get; set; }\n}\n",
            GeneratorHarness.ParseOptions, path: "Unrelated.cs"));

    [Benchmark(Baseline = true, Description = "cold run (new driver)")]
    public int ColdRun() => GeneratorHarness.GeneratedChars(GeneratorHarness.CreateDriver(_generator, _path, _yaml).RunGenerators(_compilation));

    [Benchmark(Description = "re-run after unrelated C# edit")]
    public int RerunAfterUnrelatedEdit() => GeneratorHarness.GeneratedChars(_warm.RunGenerators(_edited));
}
