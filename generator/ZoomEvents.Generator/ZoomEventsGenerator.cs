using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ZoomEvents.Generator.Diagnostics;
using ZoomEvents.Generator.Emitting;
using ZoomEvents.Generator.Model;
using ZoomEvents.Generator.Parsing;

namespace ZoomEvents.Generator;

/// <summary>
/// OpenAPI spec (AdditionalFiles tagged <c>ZoomEventsSpec</c>) → typed models, open enums, converters and clients.
/// Every stage hands equatable values to the next, so an unrelated edit reuses every cached output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ZoomEventsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Project-wide defaults, reduced to a small record so options churn doesn't invalidate the parse.
        var defaults = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadDefaults(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Defaults);

        // Spec files chosen by item metadata, not extension: an unrelated .json or .yaml never triggers work.
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadSpecFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        // Project templates overriding the built-ins, collected into one equatable store (parsed once per content).
        var templates = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => ReadTemplateFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .Collect()
            .Select(static (files, _) => files.IsEmpty ? TemplateStore.Default : new TemplateStore(files.ToEquatableArray()))
            .WithTrackingName(TrackingNames.Templates);

        // Unique file-name stems across spec files; paths only, so editing a spec's text leaves this cached.
        var stems = specs.Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (paths, _) => SpecParser.AssignStems(paths))
            .WithTrackingName(TrackingNames.Stems);

        // The expensive step: one parse per spec content. Each spec is paired with its own stem first, so adding or
        // renaming another spec file leaves this spec's parse cached (unless its own stem changes).
        var parsed = specs
            .Combine(stems)
            .Select(static (pair, _) => (File: pair.Left, Stem: SpecParser.StemOf(pair.Left.Path, pair.Right)))
            .WithTrackingName(TrackingNames.SpecWithStem)
            .Combine(defaults)
            .Select(static (pair, ct) => SpecParser.Parse(pair.Left.File, pair.Right, pair.Left.Stem, ct))
            .WithTrackingName(TrackingNames.Parse);

        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // Two specs emitting the same types or file names, found from settings alone (cheap, no parse involved).
        var duplicates = specs.Select(static (file, _) => file with { Text = "" })
            .Collect()
            .Combine(defaults)
            .Select(static (pair, _) => SpecParser.FindDuplicates(pair.Left, pair.Right));
        context.RegisterSourceOutput(duplicates, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(templates.Select(static (store, _) => store.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // One unit per generated file: a change to one schema re-renders only that schema's file.
        var units = parsed
            .SelectMany(static (result, _) => result.Api is null ? Enumerable.Empty<EmitUnit>() : Emitter.Units(result.Api))
            .WithTrackingName(TrackingNames.Units);

        var rendered = units
            .Combine(templates)
            .Select(static (pair, _) => Emitter.Render(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Render);

        context.RegisterSourceOutput(rendered, static (spc, result) =>
        {
            if (result.Diagnostic is not null) spc.ReportDiagnostic(result.Diagnostic.ToDiagnostic());
            if (result.Source is not null) spc.AddSource(result.HintName, SourceText.From(result.Source, System.Text.Encoding.UTF8));
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic());
    }

    private static GeneratorDefaults ReadDefaults(AnalyzerConfigOptions options) => new(
        Get(options, "build_property.ZoomEventsNamespace"),
        Get(options, "build_property.ZoomEventsClientName"),
        Get(options, "build_property.ZoomEventsVisibility"),
        Get(options, "build_property.RootNamespace"));

    private static SpecFile? ReadSpecFile(AdditionalText file, AnalyzerConfigOptions options, System.Threading.CancellationToken ct)
    {
        if (!string.Equals(Get(options, "build_metadata.AdditionalFiles.ZoomEventsSpec"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        // A file that cannot be read yields empty text, which the parser reports as a malformed spec.
        var text = file.GetText(ct)?.ToString() ?? "";
        return new SpecFile(file.Path, text,
            Get(options, "build_metadata.AdditionalFiles.Namespace"),
            Get(options, "build_metadata.AdditionalFiles.ClientName"),
            Get(options, "build_metadata.AdditionalFiles.Visibility"));
    }

    private static TemplateFile? ReadTemplateFile(AdditionalText file, AnalyzerConfigOptions options, System.Threading.CancellationToken ct)
    {
        var kind = Get(options, "build_metadata.AdditionalFiles.ZoomEventsTemplate");
        if (kind is null) return null;
        return new TemplateFile(kind, file.Path, file.GetText(ct)?.ToString() ?? "");
    }

    private static string? Get(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

/// <summary>Names of pipeline steps, for cacheability tests (TrackIncrementalGeneratorSteps).</summary>
public static class TrackingNames
{
    public const string Defaults = nameof(Defaults);
    public const string SpecFiles = nameof(SpecFiles);
    public const string Stems = nameof(Stems);
    public const string SpecWithStem = nameof(SpecWithStem);
    public const string Templates = nameof(Templates);
    public const string Parse = nameof(Parse);
    public const string Units = nameof(Units);
    public const string Render = nameof(Render);
}
