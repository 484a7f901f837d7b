using Microsoft.OpenApi;
using ZoomEvents.Conformance.Schemas;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Pacts;

/// <summary>
/// Checks pact interactions against an OpenAPI spec, the way PactFlow's bi-directional contract testing does:
/// every request the consumer sends must be one the spec accepts, every response it expects must be one the spec promises.
/// </summary>
/// <remarks>Only example values are compared; pact matching rules widen what the provider may return, not what the spec allows.</remarks>
public sealed partial class PactChecker
{
    private readonly OpenApiSpec _spec;
    private readonly SchemaValidator _validator = new();

    public PactChecker(OpenApiSpec spec) => _spec = spec;

    /// <summary>Loads every pact below <paramref name="pactFileOrDirectory"/> and checks it.</summary>
    public PactCheckReport CheckPath(string pactFileOrDirectory)
    {
        var files = PactFile.Discover(pactFileOrDirectory).Select(PactFile.Load).ToList();
        if (files.Count == 0)
        {
            // Warning severity as in openapi-pact-comparator; callers (the CLI) still fail the run, see FoundNoPacts.
            var notice = new ConformanceFinding(RuleCodes.NoPactsFound, Severity.Warning, pactFileOrDirectory, ConformanceFinding.NoInteraction, "", "",
                $"No pact files (*.json) were found in '{pactFileOrDirectory}', so nothing was checked against {_spec.Source}.");
            return new PactCheckReport(_spec.Source, [], [notice]);
        }

        return new PactCheckReport(_spec.Source, files.Select(Check).ToList());
    }

    public PactFileResult Check(PactFile pact)
    {
        var findings = new List<ConformanceFinding>();
        foreach (var interaction in pact.Interactions)
        {
            findings.AddRange(Check(pact.Source, interaction));
        }

        return new PactFileResult(pact.Source, pact.Consumer, pact.Provider, pact.Interactions.Count, findings);
    }

    public IReadOnlyList<ConformanceFinding> Check(string pactSource, PactInteraction interaction)
    {
        var context = new InteractionContext(pactSource, interaction);
        var operation = MatchOperation(context);
        if (operation is null)
        {
            return context.Findings;
        }

        context.Operation = operation;
        CheckAuthorization(context, operation);
        CheckQuery(context, operation);
        CheckRequestHeaders(context, operation);
        CheckRequestBody(context, operation);
        CheckResponse(context, operation);
        return context.Findings;
    }

    private SpecOperation? MatchOperation(InteractionContext context)
    {
        var interaction = context.Interaction;
        var pathOnly = interaction.Path.Split('?', 2)[0];
        List<PathCandidate> candidates;
        string where;
        if (_spec.BasePaths is not { } basePaths)
        {
            // Some server's path could not be worked out, so nothing can be required of the pact path: match it as it is.
            candidates = MatchPath(pathOnly);
            where = "";
        }
        else
        {
            var shown = string.Join("' or '", basePaths);
            // A path is fine under any server; the longest base path it carries is the most specific reading.
            var served = basePaths.Where(b => HasBasePath(pathOnly, b)).OrderByDescending(b => b.Length).ToList();
            if (served.Count == 0)
            {
                // The provider serves the API under its base path only, so a request without it would miss: the client under
                // test really sends this path. Say what is missing when the rest of the path is known.
                var hint = MatchPath(pathOnly).Count > 0
                    ? $" It matches '{pathOnly}' only without the server base path '{shown}'; the provider serves it at '{basePaths[0]}{pathOnly}'."
                    : $" It lies outside the server base path '{shown}'.";
                context.Add(RuleCodes.RequestPathOrMethodUnknown, Severity.Error, "/request/path", $"Path '{interaction.Path}' matches no path in the spec.{hint}");
                return null;
            }

            candidates = served.Select(b => MatchPath(pathOnly[b.Length..])).FirstOrDefault(c => c.Count > 0) ?? [];
            where = $" (server base path '{shown}')";
        }

        if (candidates.Count == 0)
        {
            context.Add(RuleCodes.RequestPathOrMethodUnknown, Severity.Error, "/request/path",
                $"Path '{interaction.Path}' matches no path in the spec{where}.");
            return null;
        }

        // The most specific template wins (literal segments beat parameters), as routers do.
        var best = candidates.Where(c => c.Operation.Method == interaction.Method).MaxBy(c => c.LiteralSegments);
        if (best is null)
        {
            var documented = string.Join(", ", candidates.Select(c => c.Operation.Method).Distinct().Order(StringComparer.Ordinal));
            context.Add(RuleCodes.RequestPathOrMethodUnknown, Severity.Error, "/request/method",
                $"Method {interaction.Method} is not documented for '{candidates[0].Operation.PathTemplate}' (documented: {documented}).");
            return null;
        }

        return best.Operation;
    }

    private static bool HasBasePath(string path, string basePath) =>
        basePath.Length == 0 || path.Equals(basePath, StringComparison.Ordinal) || path.StartsWith(basePath + "/", StringComparison.Ordinal);

    private sealed record PathCandidate(SpecOperation Operation, int LiteralSegments);

    private List<PathCandidate> MatchPath(string path)
    {
        var actual = Segments(path).Select(Uri.UnescapeDataString).ToArray();
        var matches = new List<PathCandidate>();
        foreach (var operation in _spec.Operations)
        {
            var template = Segments(operation.PathTemplate);
            if (template.Length != actual.Length)
            {
                continue;
            }

            var literals = 0;
            var ok = true;
            for (var i = 0; i < template.Length && ok; i++)
            {
                if (template[i].StartsWith('{') && template[i].EndsWith('}'))
                {
                    ok = actual[i].Length > 0 && PathValueFits(operation, template[i][1..^1], actual[i]);
                }
                else
                {
                    ok = string.Equals(template[i], actual[i], StringComparison.Ordinal);
                    literals += ok ? 1 : 0;
                }
            }

            if (ok)
            {
                matches.Add(new PathCandidate(operation, literals));
            }
        }

        return matches;
    }

    private bool PathValueFits(SpecOperation operation, string name, string value)
    {
        var parameter = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
        return parameter?.Schema is not { } schema
            || _validator.Validate(schema, SchemaDirection.Request, ParameterValues.Coerce([value], schema), "").Count == 0;
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/', StringSplitOptions.None);

    /// <summary>Mutable state while one interaction is checked.</summary>
    private sealed class InteractionContext(string pactSource, PactInteraction interaction)
    {
        public PactInteraction Interaction { get; } = interaction;

        public SpecOperation? Operation { get; set; }

        public List<ConformanceFinding> Findings { get; } = [];

        public void Add(string code, Severity severity, string pointer, string message) =>
            Findings.Add(new ConformanceFinding(code, severity, pactSource, Interaction.Index, Interaction.Description, pointer, message, Operation?.ToString()));
    }
}
