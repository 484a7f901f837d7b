using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Diagnostics;

/// <summary>
/// An equatable position in a spec or template file. Roslyn's <see cref="Location"/> is not equatable (and may pin a
/// syntax tree), so pipeline values carry this instead and build the Location only when reporting.
/// Lines and columns are zero-based, like <see cref="LinePosition"/>.
/// </summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    public Location ToLocation()
    {
        // Positions come from parsers (Scriban reports some errors with an end of 0,0 after a later start); Roslyn
        // throws on a reversed span, which would turn one bad template into CS8785 and lose every generated file.
        var start = new LinePosition(Math.Max(0, StartLine), Math.Max(0, StartColumn));
        var end = new LinePosition(Math.Max(0, EndLine), Math.Max(0, EndColumn));
        if (end < start) end = start;
        return Location.Create(FilePath, new TextSpan(Math.Max(0, Start), Math.Max(0, Length)), new LinePositionSpan(start, end));
    }
}

/// <summary>An equatable diagnostic: descriptor id, location and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Args)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
        => new(descriptor.Id, location, new EquatableArray<string>(args));

    public Diagnostic ToDiagnostic()
    {
        var args = new object[Args.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Args[i];
        return Diagnostic.Create(DiagnosticDescriptors.Get(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
