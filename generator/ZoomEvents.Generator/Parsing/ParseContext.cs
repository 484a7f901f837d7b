using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using ZoomEvents.Generator.Diagnostics;

namespace ZoomEvents.Generator.Parsing;

/// <summary>Collects diagnostics for one spec file, located through the file's <see cref="PointerLocator"/>.</summary>
internal sealed class ParseContext
{
    private readonly HashSet<DiagnosticInfo> _seen = new();

    public ParseContext(string specPath, PointerLocator locator, CancellationToken cancellationToken)
    {
        SpecPath = specPath;
        Locator = locator;
        CancellationToken = cancellationToken;
    }

    public string SpecPath { get; }

    public PointerLocator Locator { get; }

    public CancellationToken CancellationToken { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] args)
    {
        var info = DiagnosticInfo.Create(descriptor, Locator.Locate(pointer, null), args);
        // The same inline schema can be walked from several places; report each problem once.
        if (_seen.Add(info)) Diagnostics.Add(info);
    }
}
