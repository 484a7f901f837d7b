using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace ZoomEvents.Benchmarks.Generation;

/// <summary>
/// NSwag doing the job our generator does: read the YAML, then write one C# file with models and one client class
/// per tag, which is the closest NSwag setting to our root-client-with-tag-groups shape.
/// </summary>
public static class NSwagRunner
{
    public static async Task<string> GenerateClientAsync(string yaml, string documentPath)
    {
        var document = await OpenApiYamlDocument.FromYamlAsync(yaml, documentPath).ConfigureAwait(false);
        return new CSharpClientGenerator(document, ClientSettings()).GenerateFile();
    }

    /// <summary>DTO classes only, for the serialization benchmark's checked-in NSwag models.</summary>
    public static async Task<string> GenerateModelsAsync(string yaml, string documentPath, string @namespace)
    {
        var document = await OpenApiYamlDocument.FromYamlAsync(yaml, documentPath).ConfigureAwait(false);
        var settings = ClientSettings();
        settings.GenerateClientClasses = false;
        settings.GenerateClientInterfaces = false;
        settings.GenerateExceptionClasses = false;
        settings.CSharpGeneratorSettings.Namespace = @namespace;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    private static CSharpClientGeneratorSettings ClientSettings()
    {
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "{controller}Client",
            OperationNameGenerator = new MultipleClientsFromFirstTagAndOperationIdGenerator(),
            UseBaseUrl = false,
        };
        settings.CSharpGeneratorSettings.Namespace = "NSwagBench";
        return settings;
    }
}
