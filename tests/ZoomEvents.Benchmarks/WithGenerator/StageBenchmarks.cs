using BenchmarkDotNet.Attributes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ZoomEvents.Benchmarks.Infrastructure;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// Issue 3 target: our own work (model building + emission) costs no more than the reader's parse of the same file.
/// Baseline = Microsoft.OpenApi reading the YAML with the settings the generator uses. "Our work" is everything the
/// generator adds on top: the pointer/line index for diagnostics, the model build, and rendering every file.
/// </summary>
[BenchmarkCategory("stages")]
public class StageBenchmarks
{
    private GeneratorInternals _internals = null!;
    private OpenApiDocument _document = null!;
    private object _api = null!;
    private string _yaml = "";
    private string _path = "";

    [Params(SpecInputs.Contract, SpecInputs.Synthetic)]
    public string Spec { get; set; } = SpecInputs.Contract;

    [GlobalSetup]
    public void Setup()
    {
        _yaml = SpecInputs.Text(Spec);
        _path = SpecInputs.VirtualPath(Spec);
        _internals = new GeneratorInternals();
        _document = Read(_yaml).Document ?? throw new InvalidOperationException($"Microsoft.OpenApi could not read the {Spec} spec.");
        _api = _internals.Api(_internals.ParseStage(_path, _yaml));
    }

    private static ReadResult Read(string yaml)
    {
        // Same reader settings as SpecParser.ParseDocument.
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        return OpenApiDocument.Parse(yaml, "yaml", settings);
    }

    [Benchmark(Baseline = true, Description = "reader: Microsoft.OpenApi parse")]
    public object? ReaderParse() => Read(_yaml).Document;

    [Benchmark(Description = "ours: model build (+ line index)")]
    public object ModelBuild() => _internals.BuildModel(_document, _api, _path, _yaml);

    [Benchmark(Description = "ours: emission (all files)")]
    public int Emission() => _internals.Emit(_api);

    [Benchmark(Description = "ours: model build + emission")]
    public int OurWork() => _internals.Emit(_internals.BuildModel(_document, _api, _path, _yaml));

    [Benchmark(Description = "generator parse step (reader + model)")]
    public object ParseStep() => _internals.ParseStage(_path, _yaml);
}
