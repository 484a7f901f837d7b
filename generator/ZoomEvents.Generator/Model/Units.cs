namespace ZoomEvents.Generator.Model;

/// <summary>What one generated file is about; picks the template.</summary>
internal enum UnitKind
{
    Type,
    Group,
    Root,
    Resolver,
    Wire,
    DependencyInjection,
}

/// <summary>A root-client property: the group's property and class names.</summary>
internal sealed record GroupRef(string PropertyName, string ClassName, string? Description);

/// <summary>
/// One generated file's input. Each unit carries only what its file needs, so editing one schema re-renders one file:
/// the root client sees group names, the resolver sees type names, a model sees its own <see cref="TypeSpec"/>.
/// </summary>
internal sealed record EmitUnit(
    UnitKind Kind,
    GenerationContext Context,
    TypeSpec? Type = null,
    ClientGroupSpec? Group = null,
    EquatableArray<GroupRef> Groups = default,
    EquatableArray<TypeRef> Types = default);

/// <summary>A rendered file, or the diagnostic explaining why it could not be rendered.</summary>
internal sealed record EmitResult(string HintName, string? Source, Diagnostics.DiagnosticInfo? Diagnostic);
