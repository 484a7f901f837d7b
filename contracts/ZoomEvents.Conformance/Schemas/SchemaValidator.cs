using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.OpenApi;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Schemas;

/// <summary>One place where a JSON value breaks its schema.</summary>
/// <param name="Pointer">JSON pointer of the offending value (or missing property), prefixed with the caller's base pointer.</param>
public sealed record SchemaViolation(string Pointer, string Message)
{
    public override string ToString() => $"{Pointer}: {Message}";
}

/// <summary>Validates JSON values against OpenAPI schemas through NJsonSchema, compiling each schema once per direction.</summary>
public sealed class SchemaValidator
{
    private static readonly JsonSchemaValidatorSettings Settings = CreateSettings();

    private static readonly HashSet<ValidationErrorKind> TypeMismatchKinds =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.IntegerExpected, ValidationErrorKind.NumberExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected, ValidationErrorKind.NoTypeValidates,
    ];

    // Keyed by schema identity: the spec object model is immutable once loaded, so identity is a safe cache key.
    private readonly ConditionalWeakTable<IOpenApiSchema, ConcurrentDictionary<SchemaDirection, JsonSchema>> _compiled = new();

    public IReadOnlyList<SchemaViolation> Validate(IOpenApiSchema schema, SchemaDirection direction, JToken value, string basePointer)
    {
        var compiled = _compiled.GetOrCreateValue(schema).GetOrAdd(direction, d => Compile(schema, d));
        var validator = new JsonSchemaValidator(Settings);
        return validator.Validate(value, compiled, SchemaType.JsonSchema)
            .SelectMany(Flatten)
            .Select(error => new SchemaViolation(basePointer + PointerOf(error), Describe(error)))
            .OrderBy(v => v.Pointer, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Parses JSON text the way a wire peer would see it: strings stay strings (Json.NET would otherwise turn ISO dates into DateTime).</summary>
    public static JToken ParseJson(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader);
    }

    /// <summary>The JSON Schema text that a given OpenAPI schema becomes; handy when a finding needs explaining.</summary>
    public static string ToJsonSchemaText(IOpenApiSchema schema, SchemaDirection direction) =>
        JsonSchemaBuilder.Build(schema, direction).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    private static JsonSchema Compile(IOpenApiSchema schema, SchemaDirection direction)
    {
        var text = JsonSchemaBuilder.Build(schema, direction).ToJsonString();
        // NJsonSchema only offers an async loader; the schema is local text without external references, so this never waits on IO.
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    private static JsonSchemaValidatorSettings CreateSettings()
    {
        var settings = new JsonSchemaValidatorSettings();
        // NJsonSchema's own date-time check accepts "2024-01-01" and offset-less times; the wire format is RFC 3339.
        var strict = new Rfc3339DateTimeValidator();
        settings.FormatValidators = settings.FormatValidators.Where(v => v.Format != strict.Format).Append(strict).ToArray();
        return settings;
    }

    /// <summary>
    /// Replaces "matches no alternative" errors by the errors of the alternative the value evidently meant, so the pointer
    /// lands on the broken field rather than on its container. Alternatives of a different JSON type (e.g. the null branch
    /// of a nullable object) are discarded first; then the alternative with strictly fewest complaints wins.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(ValidationError error)
    {
        if (error is not ChildSchemaValidationError child)
        {
            return [error];
        }

        if (error.Kind == ValidationErrorKind.NotAllOf)
        {
            return child.Errors.Values.SelectMany(list => list.SelectMany(Flatten));
        }

        // An alternative without errors means the value matched several oneOf branches: nothing to drill into.
        var candidates = child.Errors.Values.Where(list => !IsShapeMismatch(list, error.Token)).ToList();
        if (candidates.Count == 0 || candidates.Any(list => list.Count == 0))
        {
            return [error];
        }

        var fewest = candidates.Min(list => list.Count);
        var best = candidates.Where(list => list.Count == fewest).ToList();
        if (best.Count > 1)
        {
            // On a tie, the alternative that declares the properties the value carries is the one it meant: a wrong type
            // inside "bark" says more than "bark is not declared" from the cat variant.
            var fewestUndeclared = best.Min(UndeclaredCount);
            best = best.Where(list => UndeclaredCount(list) == fewestUndeclared).ToList();
        }

        if (best.Count == 1)
        {
            return best[0].SelectMany(Flatten);
        }

        // Still tied, but every alternative makes the same complaint: a property the variants share (the parent's, copied
        // into each) is wrong, whichever variant was meant. Report it where it is, not at the container.
        var complaints = best.Select(list => list.SelectMany(Flatten).Select(e => (PointerOf(e), e.Kind)).ToHashSet()).ToList();
        return complaints.Skip(1).All(c => c.SetEquals(complaints[0])) ? best[0].SelectMany(Flatten) : [error];
    }

    private static int UndeclaredCount(ICollection<ValidationError> errors) =>
        errors.Count(e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed);

    private static bool IsShapeMismatch(ICollection<ValidationError> errors, JToken? token) =>
        errors.Count == 1 && errors.First() is { } only && ReferenceEquals(only.Token, token) && only.Kind is
            ValidationErrorKind.NullExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
            or ValidationErrorKind.StringExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected
            or ValidationErrorKind.BooleanExpected or ValidationErrorKind.NoTypeValidates;

    private static string PointerOf(ValidationError error)
    {
        var segments = new Stack<string>();
        for (var token = error.Token; token is not null; token = token.Parent)
        {
            if (token is JProperty property)
            {
                segments.Push(Pointer.Escape(property.Name));
            }
            else if (token.Parent is JArray array)
            {
                segments.Push(array.IndexOf(token).ToString(CultureInfo.InvariantCulture));
            }
        }

        var pointer = string.Concat(segments.Select(s => "/" + s));
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing)
        {
            pointer += "/" + Pointer.Escape(missing);
        }

        return pointer;
    }

    private static string Describe(ValidationError error)
    {
        var actual = Show(error.Token is JProperty p ? p.Value : error.Token);
        var text = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"property '{error.Property}' is not declared in the schema",
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
            ValidationErrorKind.NotInEnumeration => $"{actual} is not one of the allowed values {Allowed(error.Schema)}",
            ValidationErrorKind.DateTimeExpected => $"{actual} is not an RFC 3339 date-time (e.g. 2024-05-01T09:00:00Z)",
            ValidationErrorKind.StringTooLong => $"{actual} is longer than maxLength {error.Schema?.MaxLength}",
            ValidationErrorKind.StringTooShort => $"{actual} is shorter than minLength {error.Schema?.MinLength}",
            ValidationErrorKind.PatternMismatch => $"{actual} does not match pattern {error.Schema?.Pattern}",
            ValidationErrorKind.NumberTooBig => $"{actual} is above the maximum {error.Schema?.Maximum ?? error.Schema?.ExclusiveMaximum}",
            ValidationErrorKind.NumberTooSmall => $"{actual} is below the minimum {error.Schema?.Minimum ?? error.Schema?.ExclusiveMinimum}",
            ValidationErrorKind.TooManyItems => $"the array has more than maxItems {error.Schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"the array has fewer than minItems {error.Schema?.MinItems} items",
            _ when TypeMismatchKinds.Contains(error.Kind) => $"{actual} is not of type {TypeText(error.Schema)}",
            _ when error.Schema?.Format is { } format && error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                $"{actual} is not a valid {format}",
            _ => $"{Words(error.Kind.ToString())} (value {actual})",
        };

        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            // Name the closest alternative's complaints so "matches no variant" is actionable.
            var closest = child.Errors.Values.OrderBy(e => e.Count).First();
            if (closest.Count > 0)
            {
                text += "; closest alternative: " + string.Join("; ", closest.Take(3).Select(e => $"{PointerOf(e)} {Describe(e)}"));
            }
        }

        return text;
    }

    private static string Allowed(JsonSchema? schema) =>
        schema?.Enumeration is { Count: > 0 } values
            ? "[" + string.Join(", ", values.Select(v => v is null ? "null" : JsonConvert.SerializeObject(v))) + "]"
            : "(enumeration)";

    private static string TypeText(JsonSchema? schema) => schema is null ? "the declared type" : schema.Type.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal);

    private static string Show(JToken? token)
    {
        if (token is null)
        {
            return "(missing)";
        }

        var text = token.ToString(Formatting.None);
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>RFC 3339 <c>date-time</c>: full date, 'T', time, mandatory offset or Z.</summary>
    private sealed class Rfc3339DateTimeValidator : NJsonSchema.Validation.FormatValidators.IFormatValidator
    {
        private static readonly System.Text.RegularExpressions.Regex Shape = new(
            @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        public string Format => JsonFormatStrings.DateTime;

        public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

        public bool IsValid(string value, JTokenType tokenType) =>
            tokenType != JTokenType.String
            || (Shape.IsMatch(value)
                && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));
    }
}
