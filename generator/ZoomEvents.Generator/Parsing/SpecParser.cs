using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ZoomEvents.Generator.Diagnostics;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Parsing;

/// <summary>
/// Spec text → <see cref="ApiSpec"/>. The only stage that touches Microsoft.OpenApi; everything after it works on
/// the equatable model. Never throws: every failure becomes a diagnostic.
/// </summary>
internal static class SpecParser
{
    public const string DefaultNamespace = "ZoomEvents.Client";
    public const string DefaultClientName = "ZoomEventsClient";

    private static readonly Regex PointerInMessage = new(@"(#/[^\s]*)", RegexOptions.CultureInvariant);

    public static ParseResult Parse(SpecFile file, GeneratorDefaults defaults, CancellationToken cancellationToken)
        => Parse(file, defaults, EquatableArray<StemEntry>.Empty, cancellationToken);

    /// <param name="stems">Unique file-name stems of all spec files (hint names must be unique per generator).</param>
    public static ParseResult Parse(SpecFile file, GeneratorDefaults defaults, EquatableArray<StemEntry> stems, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var context = ResolveSettings(file, defaults, diagnostics);
        var stem = stems.FirstOrDefault(s => s.Path == file.Path);
        if (context is not null && stem is not null) context = context with { SpecStem = stem.Stem };
        if (context is null) return new ParseResult(null, diagnostics.ToEquatableArray());
        try
        {
            return ParseDocument(file, context, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            // The reader DLLs were not handed to the compiler as analyzers (see generator-notes §2).
            var missing = ex is FileNotFoundException f ? f.FileName ?? ex.Message : ex.Message;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDependency, LocationInfo.FileStart(file.Path), missing));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
        catch (Exception ex)
        {
            // The innermost frame makes a bug report actionable without dumping a stack trace into the build log.
            var frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(file.Path), file.Path, ex.GetType().Name + ": " + ex.Message + " (" + frame + ")"));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>
    /// Specs that would emit into the same namespace. Model types are named after schemas, not after the client, so
    /// two specs in one namespace collide as soon as they share a schema name (and the compiler's CS0102 would not say
    /// why); one namespace per spec is the rule. Works on settings alone, so it never waits for a parse.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> FindDuplicates(IEnumerable<SpecFile> files, GeneratorDefaults defaults)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var seenTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var context = ResolveSettings(file, defaults, new List<DiagnosticInfo>());
            if (context is null) continue;
            if (seenTypes.TryGetValue(context.Namespace, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOutput, LocationInfo.FileStart(file.Path), first, file.Path, context.Namespace));
                continue;
            }
            seenTypes[context.Namespace] = file.Path;
        }
        return diagnostics.ToEquatableArray();
    }

    private static GenerationContext? ResolveSettings(SpecFile file, GeneratorDefaults defaults, List<DiagnosticInfo> diagnostics)
    {
        var at = LocationInfo.FileStart(file.Path);
        var ns = NonEmpty(file.Namespace) ?? NonEmpty(defaults.Namespace) ?? NonEmpty(defaults.RootNamespace) ?? DefaultNamespace;
        var client = NonEmpty(file.ClientName) ?? NonEmpty(defaults.ClientName) ?? DefaultClientName;
        var visibility = NonEmpty(file.Visibility) ?? NonEmpty(defaults.Visibility) ?? "public";
        var ok = true;
        if (!Naming.IsValidNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConfiguration, at, "Namespace", ns, "expected a dotted C# namespace such as My.Company.Zoom"));
            ok = false;
        }
        if (!Naming.IsValidIdentifier(client))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConfiguration, at, "ClientName", client, "expected a C# identifier such as ZoomEventsClient"));
            ok = false;
        }
        var isPublic = string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase);
        if (!isPublic && !string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConfiguration, at, "Visibility", visibility, "expected 'public' or 'internal'"));
            ok = false;
        }
        return ok ? new GenerationContext(Stem(file.Path), ns, client, isPublic, null) : null;
    }

    /// <summary>Just the entry for <paramref name="path"/> (empty when it has none), as an equatable pipeline value.</summary>
    public static EquatableArray<StemEntry> StemOf(string path, EquatableArray<StemEntry> stems)
    {
        foreach (var entry in stems)
        {
            if (entry.Path == path) return new EquatableArray<StemEntry>(new[] { entry });
        }
        return EquatableArray<StemEntry>.Empty;
    }

    /// <summary>
    /// Stems for all spec files, unique case-insensitively: generated hint names start with the stem, and two specs named
    /// api.yaml in different folders must not produce the same file names. Ordered by path, so it is deterministic.
    /// </summary>
    public static EquatableArray<StemEntry> AssignStems(IEnumerable<string> paths)
    {
        var names = new NameTable();
        return paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new StemEntry(p, names.Claim(Stem(p))))
            .ToEquatableArray();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    /// <summary>File name without extensions, sanitized: used in hint names so two specs never collide.</summary>
    private static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return Naming.Pascal(dot > 0 ? name.Substring(0, dot) : name, "Spec");
    }

    // Kept out of Parse so a missing Microsoft.OpenApi DLL fails when this method is compiled, inside Parse's try.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ParseResult ParseDocument(SpecFile file, GenerationContext settings, CancellationToken cancellationToken)
    {
        var isJson = file.Text.TrimStart().StartsWith("{", StringComparison.Ordinal);
        var locator = new PointerLocator(file.Path, file.Text, isJson);
        var context = new ParseContext(file.Path, locator, cancellationToken);
        var readerSettings = new OpenApiReaderSettings { LoadExternalRefs = false };
        readerSettings.AddYamlReader();

        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(file.Text, isJson ? "json" : "yaml", readerSettings);
        }
        catch (OpenApiUnsupportedSpecVersionException ex)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, VersionLocation(locator), file.Path, ex.Message));
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reader itself can fail on odd documents (seen: a NullReferenceException while registering schema
            // ids); whatever it throws means it could not read this spec.
            var message = ex is OpenApiException or FormatException or System.Text.Json.JsonException ? ex.Message : "the OpenAPI reader failed with " + ex.GetType().Name + ": " + ex.Message;
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, locator.Locate(null, ex.Message), file.Path, message));
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }
        cancellationToken.ThrowIfCancellationRequested();

        var document = result.Document;
        foreach (var error in result.Diagnostic?.Errors ?? new List<OpenApiError>())
        {
            var pointer = string.IsNullOrEmpty(error.Pointer) || error.Pointer!.StartsWith("#line", StringComparison.Ordinal)
                ? PointerInMessage.Match(error.Message ?? "") is { Success: true } m ? m.Groups[1].Value : null
                : error.Pointer;
            var descriptor = document is null ? DiagnosticDescriptors.MalformedSpec : DiagnosticDescriptors.InvalidOpenApi;
            context.Diagnostics.Add(DiagnosticInfo.Create(descriptor, locator.Locate(pointer, error.Message), file.Path, error.Message ?? "unknown error"));
        }
        foreach (var warning in result.Diagnostic?.Warnings ?? new List<OpenApiError>())
        {
            // Broken $refs are reported by the schema walk, at the place that uses them.
            if (warning.Message?.IndexOf("does not point to", StringComparison.Ordinal) >= 0) continue;
            context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOpenApi, locator.Locate(warning.Pointer, warning.Message), file.Path, warning.Message ?? "unknown warning"));
        }
        if (document is null)
        {
            if (context.Diagnostics.Count == 0)
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, locator.At(0, 0), file.Path, "the reader produced no document"));
            }
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        var api = Build(document, settings with { Title = document.Info?.Title }, context);
        return new ParseResult(api, context.Diagnostics.ToEquatableArray());
    }

    private static ApiSpec Build(OpenApiDocument document, GenerationContext settings, ParseContext context)
    {
        // Generated infrastructure names are claimed first, then client groups, then component schemas.
        var names = new NameTable();
        foreach (var reserved in InfrastructureNames(settings.ClientName)) names.Reserve(reserved);
        var schemas = new SchemaBuilder(document, names, context);
        var operations = new OperationBuilder(document, schemas, context);

        var rootMembers = new NameTable();
        rootMembers.Reserve(settings.ClientName);
        foreach (var reserved in new[] { "ToString", "GetHashCode", "Equals", "GetType", "HttpClient" }) rootMembers.Reserve(reserved);
        var groupNames = new Dictionary<string, (string Property, string Class)>(StringComparer.Ordinal);
        foreach (var tag in operations.Tags())
        {
            var property = rootMembers.Claim(Naming.Pascal(tag, "Default"));
            groupNames[tag] = (property, schemas.ClaimTypeName(property + "Client", null));
        }

        schemas.RegisterComponents();
        var groups = operations.Build(groupNames);
        foreach (var body in operations.BodyTypes) MarkRequest(schemas, body, new HashSet<string>(StringComparer.Ordinal));
        var types = schemas.Types.Select(t => t.ToSpec()).ToEquatableArray();
        return new ApiSpec(settings, types, groups.ToEquatableArray());
    }

    /// <summary>Names the emitter generates besides models and groups; reserved so a schema can't take them.</summary>
    public static IEnumerable<string> InfrastructureNames(string client)
    {
        yield return client;
        yield return client + "JsonResolver";
        yield return client + "Wire";
        yield return client + "ServiceCollectionExtensions";
    }

    private static void MarkRequest(SchemaBuilder schemas, TypeRef type, HashSet<string> visited)
    {
        if (type.Element is not null) MarkRequest(schemas, type.Element, visited);
        if (schemas.Find(type) is not { } builder || !visited.Add(builder.Name)) return;
        builder.IsRequestType = true;
        foreach (var property in builder.Properties) MarkRequest(schemas, property.Type, visited);
        foreach (var variant in builder.Variants) MarkRequest(schemas, variant.Type, visited);
        if (builder.AdditionalProperties is not null) MarkRequest(schemas, builder.AdditionalProperties, visited);
    }

    private static LocationInfo VersionLocation(PointerLocator locator)
    {
        var at = locator.Locate("#/openapi", null);
        return at.StartLine == 0 && at.StartColumn == 0 ? locator.Locate("#/swagger", null) : at;
    }
}
