using ZoomEvents.Generator.Diagnostics;

namespace ZoomEvents.Generator.Model;

/// <summary>A spec AdditionalFile reduced to strings: its path, content and per-file settings (null = not set).</summary>
internal sealed record SpecFile(string Path, string Text, string? Namespace, string? ClientName, string? Visibility);

/// <summary>Project-wide defaults from MSBuild properties (<c>build_property.*</c>).</summary>
internal sealed record GeneratorDefaults(string? Namespace, string? ClientName, string? Visibility, string? RootNamespace)
{
    public static readonly GeneratorDefaults None = new(null, null, null, null);
}

/// <summary>A template AdditionalFile: its kind (model, enum, …), path and content.</summary>
internal sealed record TemplateFile(string Kind, string Path, string Text);

/// <summary>The parser's output: the model (null when the spec could not be read) and what to report.</summary>
internal sealed record ParseResult(ApiSpec? Api, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The unique stem (hint-name prefix) assigned to a spec file.</summary>
internal sealed record StemEntry(string Path, string Stem);
