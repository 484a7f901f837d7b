using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Scriban;
using Scriban.Parsing;
using ZoomEvents.Generator.Diagnostics;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Emitting;

/// <summary>
/// The Scriban templates in use: built-ins (embedded resources, parsed once per process) overlaid with the project's
/// own templates (AdditionalFiles tagged <c>ZoomEventsTemplate="kind"</c>). Equality is by the override files' content,
/// so this can flow through the pipeline: a new instance equal to the last one means nothing re-renders.
/// </summary>
internal sealed class TemplateStore : IEquatable<TemplateStore>
{
    public static readonly string[] Kinds = { "model", "string-enum", "int-enum", "union", "client", "root-client", "resolver", "wire", "dependency-injection" };

    private static readonly Lazy<Dictionary<string, Template>> BuiltIns = new(LoadBuiltIns);

    private readonly EquatableArray<TemplateFile> _files;
    private readonly Dictionary<string, (Template Template, string Path)> _overrides = new(StringComparer.Ordinal);

    public TemplateStore(EquatableArray<TemplateFile> files)
    {
        _files = files;
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var file in files)
        {
            var kind = file.Kind.Trim().ToLowerInvariant();
            if (Array.IndexOf(Kinds, kind) < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTemplateKind, LocationInfo.FileStart(file.Path), file.Kind, file.Path, string.Join(", ", Kinds)));
                continue;
            }
            var template = Template.Parse(file.Text, file.Path);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
                {
                    var span = message.Span;
                    var location = new LocationInfo(file.Path, Math.Max(0, span.Start.Offset), Math.Max(0, span.End.Offset - span.Start.Offset),
                        Math.Max(0, span.Start.Line), Math.Max(0, span.Start.Column), Math.Max(0, span.End.Line), Math.Max(0, span.End.Column));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, location, file.Path, message.Message));
                }
                continue;
            }
            _overrides[kind] = (template, file.Path);
        }
        Diagnostics = diagnostics.ToEquatableArray();
    }

    public static TemplateStore Default { get; } = new(EquatableArray<TemplateFile>.Empty);

    /// <summary>Problems with the override files (reported once, not per generated file).</summary>
    public EquatableArray<DiagnosticInfo> Diagnostics { get; }

    /// <summary>The template for a kind and the path to blame if rendering fails.</summary>
    public (Template Template, string Path) Get(string kind)
        => _overrides.TryGetValue(kind, out var custom) ? custom : (BuiltIns.Value[kind], "ZoomEvents.Generator/Templates/" + kind + ".sbn-cs");

    public bool Equals(TemplateStore? other) => other is not null && _files.Equals(other._files);

    public override bool Equals(object? obj) => Equals(obj as TemplateStore);

    public override int GetHashCode() => _files.GetHashCode();

    private static Dictionary<string, Template> LoadBuiltIns()
    {
        var assembly = typeof(TemplateStore).Assembly;
        var result = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            var name = "ZoomEvents.Generator.Templates." + kind + ".sbn-cs";
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Missing embedded template " + name);
            using var reader = new StreamReader(stream);
            var template = Template.Parse(reader.ReadToEnd(), name);
            if (template.HasErrors)
            {
                // A broken built-in is a generator bug; the unit test that parses every resource catches it first.
                throw new InvalidOperationException("Built-in template " + name + " has errors: " + string.Join("; ", template.Messages));
            }
            result[kind] = template;
        }
        return result;
    }
}
