using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ZoomEvents.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable and tracked in AnalyzerReleases.*.md; never reuse a retired id.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Parsing = "ZoomEvents.Parsing";
    private const string Naming = "ZoomEvents.Naming";
    private const string Emit = "ZoomEvents.Emit";
    private const string Configuration = "ZoomEvents.Configuration";

    /// <summary>ZEG001: "The spec '{0}' is not valid YAML or JSON: {1}".</summary>
    public static readonly DiagnosticDescriptor MalformedSpec = Create(
        "ZEG001", "Spec is not valid YAML or JSON", "The spec '{0}' is not valid YAML or JSON: {1}", Parsing, DiagnosticSeverity.Error);

    /// <summary>ZEG002: "The spec '{0}' breaks the OpenAPI rules: {1}" (the document was still read; generation continues).</summary>
    public static readonly DiagnosticDescriptor InvalidOpenApi = Create(
        "ZEG002", "Spec breaks the OpenAPI rules", "The spec '{0}' breaks the OpenAPI rules: {1}", Parsing, DiagnosticSeverity.Warning);

    /// <summary>ZEG003: "'{0}' does not point to anything in the spec; the value is kept as raw JSON".</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "ZEG003", "Unresolved $ref", "'{0}' does not point to anything in the spec; the value is kept as raw JSON", Parsing, DiagnosticSeverity.Error);

    /// <summary>ZEG004: "The spec '{0}' has an unsupported version: {1}".</summary>
    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "ZEG004", "Unsupported OpenAPI version", "The spec '{0}' has an unsupported version: {1}", Parsing, DiagnosticSeverity.Error);

    /// <summary>ZEG005: "{0} is not supported and was skipped: {1}".</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "ZEG005", "Unsupported construct", "{0} is not supported and was skipped: {1}", Parsing, DiagnosticSeverity.Warning);

    /// <summary>ZEG006: "The name '{0}' is already taken; generated '{1}' instead".</summary>
    public static readonly DiagnosticDescriptor NameClash = Create(
        "ZEG006", "Name clash resolved", "The name '{0}' is already taken; generated '{1}' instead", Naming, DiagnosticSeverity.Info);

    /// <summary>ZEG007: "Invalid setting {0}='{1}': {2}".</summary>
    public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
        "ZEG007", "Invalid generator setting", "Invalid setting {0}='{1}': {2}", Configuration, DiagnosticSeverity.Error);

    /// <summary>ZEG008: "The template '{0}' has an error: {1}".</summary>
    public static readonly DiagnosticDescriptor TemplateError = Create(
        "ZEG008", "Template error", "The template '{0}' has an error: {1}", Emit, DiagnosticSeverity.Error);

    /// <summary>ZEG009: "The generator failed on '{0}': {1}" — a bug in the generator, reported instead of crashing the build.</summary>
    public static readonly DiagnosticDescriptor InternalError = Create(
        "ZEG009", "Generator failure", "The generator failed on '{0}': {1}", Emit, DiagnosticSeverity.Error);

    /// <summary>ZEG010: "The generator could not load '{0}'; it must be passed to the compiler as an analyzer".</summary>
    public static readonly DiagnosticDescriptor MissingDependency = Create(
        "ZEG010", "Generator dependency missing", "The generator could not load '{0}'; it must be passed to the compiler as an analyzer", Configuration, DiagnosticSeverity.Error);

    /// <summary>ZEG011: "The operation {0} has no operationId; using '{1}'".</summary>
    public static readonly DiagnosticDescriptor MissingOperationId = Create(
        "ZEG011", "Missing operationId", "The operation {0} has no operationId; using '{1}'", Naming, DiagnosticSeverity.Info);

    /// <summary>ZEG012: "The template kind '{0}' of '{1}' is unknown; expected one of: {2}".</summary>
    public static readonly DiagnosticDescriptor UnknownTemplateKind = Create(
        "ZEG012", "Unknown template kind", "The template kind '{0}' of '{1}' is unknown; expected one of: {2}", Configuration, DiagnosticSeverity.Warning);

    /// <summary>ZEG013: "'{0}' and '{1}' would generate the same code ({2}); give one a different Namespace, ClientName or file name".</summary>
    public static readonly DiagnosticDescriptor DuplicateOutput = Create(
        "ZEG013", "Two specs generate into one namespace", "'{0}' and '{1}' would both generate into namespace {2}, where their model types collide; give one a different Namespace", Configuration, DiagnosticSeverity.Error);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [MalformedSpec.Id] = MalformedSpec,
        [InvalidOpenApi.Id] = InvalidOpenApi,
        [UnresolvedReference.Id] = UnresolvedReference,
        [UnsupportedVersion.Id] = UnsupportedVersion,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [NameClash.Id] = NameClash,
        [InvalidConfiguration.Id] = InvalidConfiguration,
        [TemplateError.Id] = TemplateError,
        [InternalError.Id] = InternalError,
        [MissingDependency.Id] = MissingDependency,
        [MissingOperationId.Id] = MissingOperationId,
        [UnknownTemplateKind.Id] = UnknownTemplateKind,
        [DuplicateOutput.Id] = DuplicateOutput,
    };

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Get(string id) => ById.TryGetValue(id, out var d) ? d : InternalError;

    private static DiagnosticDescriptor Create(string id, string title, string format, string category, DiagnosticSeverity severity)
        => new(id, title, format, category, severity, isEnabledByDefault: true,
            helpLinkUri: "https://github.com/zoom-events-codegen/docs/diagnostics#" + id.ToLowerInvariant());
}
