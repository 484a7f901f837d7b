using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ZoomEvents.Benchmarks.Generation;
using ZoomEvents.Benchmarks.Infrastructure;
using ZoomEvents.Benchmarks.Synthetic;

namespace ZoomEvents.Benchmarks.Tools;

/// <summary>Non-benchmark verbs: produce and check the benchmark inputs.</summary>
public static class Commands
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        switch (args[0])
        {
            case "synth":
                exitCode = Synth(args.Length > 1 ? args[1] : Path.Combine(RepoFiles.Root, "artifacts", "synthetic.openapi.yaml"));
                return true;
            case "nswag-models":
                exitCode = NSwagModels(args);
                return true;
            default:
                exitCode = 0;
                return false;
        }
    }

    /// <summary>Writes the synthetic spec and proves it is what the issue asks for: valid, ≥ 1 MB, 500 schemas, 300 operations.</summary>
    private static int Synth(string outPath)
    {
        var yaml = SyntheticSpec.Generate();
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, yaml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(yaml, "yaml", settings);
        var errors = result.Diagnostic?.Errors ?? [];
        var schemas = result.Document?.Components?.Schemas?.Count ?? 0;
        var operations = result.Document?.Paths?.Values.Sum(p => p.Operations?.Count ?? 0) ?? 0;
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        Console.WriteLine($"wrote {full}: {bytes:N0} bytes, {schemas} schemas, {operations} operations, {errors.Count} reader errors");
        foreach (var error in errors.Take(10))
        {
            Console.Error.WriteLine($"  {error.Pointer}: {error.Message}");
        }

        var ok = errors.Count == 0 && bytes >= 1_000_000 && schemas == SyntheticSpec.SchemaCount && operations == SyntheticSpec.OperationCount;
        if (!ok)
        {
            Console.Error.WriteLine($"error: expected 0 errors, >= 1,000,000 bytes, {SyntheticSpec.SchemaCount} schemas and {SyntheticSpec.OperationCount} operations.");
        }

        return ok ? 0 : 1;
    }

    /// <summary>Regenerates the checked-in NSwag models used as the Newtonsoft.Json side of the serialization benchmark.</summary>
    private static int NSwagModels(string[] args)
    {
        var specPath = args.Length > 1 ? args[1] : RepoFiles.ContractPath;
        var outPath = args.Length > 2 ? args[2] : Path.Combine(RepoFiles.Root, "tests", "ZoomEvents.Benchmarks", "Serialization", "NSwagModels.g.cs");
        var code = NSwagRunner.GenerateModelsAsync(File.ReadAllText(specPath), Path.GetFullPath(specPath), "ZoomEvents.Benchmarks.Serialization.NSwagModels")
            .GetAwaiter().GetResult();
        File.WriteAllText(outPath, code.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Console.WriteLine($"wrote {Path.GetFullPath(outPath)} ({code.Length:N0} chars) from {specPath}");
        return 0;
    }
}
