using BenchmarkDotNet.Attributes;
using ZoomEvents.Benchmarks.Infrastructure;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// Issue 3 target: a full generator run is at least 2x faster than NSwag generating from the same spec.
/// Both sides start from the spec text already in memory and end with C# text; neither compiles it.
/// </summary>
[BenchmarkCategory("generation")]
public partial class GenerationBenchmarks
{
    private string _yaml = "";
    private string _path = "";

    [Params(SpecInputs.Contract, SpecInputs.Synthetic)]
    public string Spec { get; set; } = SpecInputs.Contract;

    [GlobalSetup]
    public void Setup()
    {
        _yaml = SpecInputs.Text(Spec);
        _path = SpecInputs.VirtualPath(Spec);
        SetupGenerator();
    }

    /// <summary>Implemented in WithGenerator/ once the generator exists (see the csproj's BenchWithGenerator switch).</summary>
    partial void SetupGenerator();

    [Benchmark(Baseline = true, Description = "NSwag load + GenerateFile")]
    public async Task<int> NSwag() => (await NSwagRunner.GenerateClientAsync(_yaml, _path).ConfigureAwait(false)).Length;
}
