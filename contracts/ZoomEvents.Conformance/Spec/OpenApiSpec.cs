using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace ZoomEvents.Conformance.Spec;

/// <summary>Thrown when a spec or pact file cannot be read at all (as opposed to a finding about its content).</summary>
public sealed class ConformanceLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One operation of the spec, with path-level parameters already merged in.</summary>
public sealed record SpecOperation(
    string PathTemplate,
    string Method,
    OpenApiOperation Operation,
    IReadOnlyList<IOpenApiParameter> Parameters,
    IReadOnlyDictionary<IOpenApiParameter, string> ParameterPointers)
{
    /// <summary>JSON pointer of a parameter (operation-level or inherited from the path item).</summary>
    public string PointerOf(IOpenApiParameter parameter) => ParameterPointers.TryGetValue(parameter, out var pointer) ? pointer : Pointer + "/parameters";

    public string? OperationId => Operation.OperationId;

    /// <summary>JSON pointer of the operation inside the spec, e.g. <c>/paths/~1zoom_events~1hubs/get</c>.</summary>
    public string Pointer => "/paths/" + Spec.Pointer.Escape(PathTemplate) + "/" + Method.ToLowerInvariant();

    public override string ToString() => $"{OperationId ?? "(no operationId)"} {Method.ToUpperInvariant()} {PathTemplate}";
}

/// <summary>A parsed OpenAPI document plus the few derived facts both the checker and the diff need.</summary>
public sealed class OpenApiSpec
{
    /// <summary>
    /// Microsoft.OpenApi maps OpenAPI 3.0 <c>nullable: true</c> into the type set, so a schema without <c>type</c>
    /// (typically <c>nullable: true</c> next to <c>allOf: [$ref]</c>) silently loses it. The loader marks such schemas
    /// with this extension before parsing so nullability survives.
    /// </summary>
    internal const string NullableMarker = "x-conformance-nullable";

    /// <summary>
    /// Microsoft.OpenApi reads <c>additionalProperties: true</c> and an absent keyword into the same model, but the
    /// response check must tell them apart: only objects that say nothing are closed. The loader marks an explicit
    /// <c>true</c> with this extension before parsing.
    /// </summary>
    internal const string OpenObjectMarker = "x-conformance-additional-properties";

    private OpenApiSpec(OpenApiDocument document, string source)
    {
        Document = document;
        Source = source;
        BasePaths = ReadBasePaths(document);
        BasePath = BasePaths?.FirstOrDefault() ?? "";
        Operations = CollectOperations(document);
    }

    public OpenApiDocument Document { get; }

    /// <summary>Where the spec came from (file path or a caller-provided name), for messages.</summary>
    public string Source { get; }

    /// <summary>Path part of the first server URL without trailing slash, e.g. <c>/v2</c>; empty when there is none.</summary>
    public string BasePath { get; }

    /// <summary>
    /// Path part of every server URL (variables replaced by their defaults), without trailing slash; <c>[""]</c> when the
    /// spec names no server. Null when some server's path cannot be worked out (e.g. a variable without a default): then
    /// no base path can be required of a pact path.
    /// </summary>
    public IReadOnlyList<string>? BasePaths { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static OpenApiSpec Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConformanceLoadException($"Cannot read spec '{path}': {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static OpenApiSpec Parse(string text, string source = "(inline spec)")
    {
        JsonNode root;
        try
        {
            root = ToJsonNode(text);
        }
        catch (Exception ex) when (ex is not ConformanceLoadException)
        {
            throw new ConformanceLoadException($"Spec '{source}' is neither valid YAML nor JSON: {ex.Message}", ex);
        }

        MarkSchemaKeywordsTheReaderLoses(root);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = new OpenApiJsonReader().Read(root, new Uri("file:///spec"), settings);
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            var details = string.Join("; ", errors.Take(5).Select(e => $"{e.Pointer}: {e.Message}"));
            throw new ConformanceLoadException($"Spec '{source}' is not a valid OpenAPI document: {details}");
        }

        if (result.Document.Paths is null || result.Document.Paths.Count == 0)
        {
            throw new ConformanceLoadException($"Spec '{source}' has no paths.");
        }

        return new OpenApiSpec(result.Document, source);
    }

    /// <summary>Resolves a schema reference to the schema it points at (or returns the schema itself).</summary>
    public static IOpenApiSchema Resolve(IOpenApiSchema schema)
    {
        var current = schema;
        for (var hops = 0; current is OpenApiSchemaReference reference && hops < 64; hops++)
        {
            current = reference.Target ?? throw new ConformanceLoadException($"Unresolvable schema reference '{reference.Reference.ReferenceV3}'.");
        }

        return current;
    }

    /// <summary>True when the schema accepts JSON null (3.0 <c>nullable</c>, 3.1 <c>type: [.., "null"]</c>).</summary>
    public static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (schema is OpenApiSchema concrete && concrete.Extensions?.ContainsKey(NullableMarker) == true);

    private static JsonNode ToJsonNode(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            return JsonNode.Parse(text) ?? throw new ConformanceLoadException("The spec is the JSON literal null.");
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            throw new ConformanceLoadException("The spec file is empty.");
        }

        return YamlConverter.ToJsonNode(stream.Documents[0]);
    }

    /// <summary>True when the schema itself says <c>additionalProperties: true</c>.</summary>
    public static bool AllowsAdditionalPropertiesExplicitly(IOpenApiSchema schema) =>
        schema is OpenApiSchema concrete && concrete.Extensions?.ContainsKey(OpenObjectMarker) == true;

    private static void MarkSchemaKeywordsTheReaderLoses(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["nullable"] is JsonValue nullable && nullable.TryGetValue(out bool isNullable) && isNullable && !obj.ContainsKey("type"))
                {
                    obj[NullableMarker] = true;
                }

                if (obj["additionalProperties"] is JsonValue additional && additional.TryGetValue(out bool allowsAdditional) && allowsAdditional)
                {
                    obj[OpenObjectMarker] = true;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    MarkSchemaKeywordsTheReaderLoses(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    MarkSchemaKeywordsTheReaderLoses(child);
                }

                break;
        }
    }

    private static List<string>? ReadBasePaths(OpenApiDocument document)
    {
        var servers = document.Servers ?? [];
        if (servers.Count == 0)
        {
            return [""];
        }

        var paths = new List<string>();
        foreach (var server in servers)
        {
            if (ReadBasePath(server) is not { } path)
            {
                return null;
            }

            if (!paths.Contains(path, StringComparer.Ordinal))
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>The server URL's path part, or null when it cannot be worked out (an unresolved variable).</summary>
    private static string? ReadBasePath(OpenApiServer server)
    {
        var url = server.Url ?? "";
        // Server URLs may be templated ("https://{region}.example.com/{version}"); every variable has a default, which is
        // what a client uses when it is not told otherwise.
        foreach (var (name, variable) in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            if (variable.Default is { } value)
            {
                url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
            }
        }

        if (url.Contains('{', StringComparison.Ordinal) || url.Contains('}', StringComparison.Ordinal))
        {
            return null;
        }

        // Server URLs may be absolute or relative; only the path part matters for matching pact paths.
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? Uri.UnescapeDataString(absolute.AbsolutePath) : url.Split('?', 2)[0];
        path = path.TrimEnd('/');
        return path.Length == 0 || path.StartsWith('/') ? path : "/" + path;
    }

    private static List<SpecOperation> CollectOperations(OpenApiDocument document)
    {
        var operations = new List<SpecOperation>();
        foreach (var (template, item) in document.Paths)
        {
            if (item.Operations is null)
            {
                continue;
            }

            var pathPointer = "/paths/" + Pointer.Escape(template);
            foreach (var (method, operation) in item.Operations)
            {
                var operationPointer = pathPointer + "/" + method.Method.ToLowerInvariant();
                var pointers = new Dictionary<IOpenApiParameter, string>(ReferenceEqualityComparer.Instance);
                var merged = new List<IOpenApiParameter>();
                foreach (var (parameter, index) in (operation.Parameters ?? []).Select((p, i) => (p, i)))
                {
                    merged.Add(parameter);
                    pointers[parameter] = Pointer.Append(operationPointer + "/parameters", index);
                }

                // Operation-level parameters override path-level ones with the same name and location.
                foreach (var (inherited, index) in (item.Parameters ?? []).Select((p, i) => (p, i)))
                {
                    if (!merged.Any(p => p.Name == inherited.Name && p.In == inherited.In))
                    {
                        merged.Add(inherited);
                        pointers[inherited] = Pointer.Append(pathPointer + "/parameters", index);
                    }
                }

                operations.Add(new SpecOperation(template, method.Method.ToUpperInvariant(), operation, merged, pointers));
            }
        }

        return operations;
    }
}
