using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;
using ZoomEvents.Generator.Diagnostics;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Parsing;

/// <summary>Maps paths and operations to client groups (one per first tag) and method specs.</summary>
internal sealed class OperationBuilder
{
    private const string DefaultTag = "Default";

    // Headers the HTTP plumbing owns; exposing them as parameters would fight the auth handler and content negotiation.
    private static readonly HashSet<string> PlumbingHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Content-Type", "Accept", "Content-Length" };
    private static readonly string[] ClientMembers = { "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize" };

    private readonly OpenApiDocument _document;
    private readonly SchemaBuilder _schemas;
    private readonly ParseContext _context;

    public OperationBuilder(OpenApiDocument document, SchemaBuilder schemas, ParseContext context)
    {
        _document = document;
        _schemas = schemas;
        _context = context;
    }

    /// <summary>Request body types, so the parser can mark them (and what they contain) as request types.</summary>
    public List<TypeRef> BodyTypes { get; } = new();

    /// <summary>Tags in order of first use; called before component schemas claim names so group classes win.</summary>
    public List<string> Tags()
    {
        var tags = new List<string>();
        foreach (var (_, _, _, operation) in Operations())
        {
            var tag = FirstTag(operation);
            if (!tags.Contains(tag)) tags.Add(tag);
        }
        return tags;
    }

    public List<ClientGroupSpec> Build(IReadOnlyDictionary<string, (string Property, string Class)> groupNames)
    {
        var groups = new Dictionary<string, (List<OperationSpec> Ops, NameTable Methods)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (path, item, method, operation) in Operations())
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var tag = FirstTag(operation);
            if (!groups.TryGetValue(tag, out var group))
            {
                var methods = new NameTable();
                methods.Reserve(groupNames[tag].Class);
                foreach (var reserved in ClientMembers) methods.Reserve(reserved);
                group = (new List<OperationSpec>(), methods);
                groups[tag] = group;
                order.Add(tag);
            }
            var spec = BuildOperation(path, item, method, operation, group.Methods);
            if (spec is not null) group.Ops.Add(spec);
        }
        var tagDescriptions = _document.Tags?.Where(t => t.Name is not null).GroupBy(t => t.Name!).ToDictionary(g => g.Key, g => g.First().Description) ?? new Dictionary<string, string?>();
        return order.Select(tag => new ClientGroupSpec(
            tag,
            groupNames[tag].Property,
            groupNames[tag].Class,
            tagDescriptions.TryGetValue(tag, out var d) ? d : null,
            groups[tag].Ops.ToEquatableArray())).ToList();
    }

    private IEnumerable<(string Path, IOpenApiPathItem Item, HttpMethod Method, OpenApiOperation Operation)> Operations()
    {
        if (_document.Paths is null) yield break;
        foreach (var path in _document.Paths)
        {
            if (path.Value?.Operations is null) continue;
            foreach (var operation in path.Value.Operations)
            {
                yield return (path.Key, path.Value, operation.Key, operation.Value);
            }
        }
    }

    private static string FirstTag(OpenApiOperation operation)
    {
        var name = operation.Tags?.Select(t => t.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        return name ?? DefaultTag;
    }

    private OperationSpec? BuildOperation(string path, IOpenApiPathItem item, HttpMethod method, OpenApiOperation operation, NameTable methods)
    {
        var verb = method.Method.ToLowerInvariant();
        var pointer = "#/paths/" + SchemaBuilder.Escape(path) + "/" + verb;
        var operationId = operation.OperationId;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            operationId = verb + " " + path;
            _context.Report(DiagnosticDescriptors.MissingOperationId, pointer, method.Method + " " + path, Naming.Pascal(operationId) + "Async");
        }
        var wanted = Naming.Pascal(operationId, "Operation");
        var baseName = ClaimMethodBase(methods, wanted);
        if (baseName != wanted)
        {
            _context.Report(DiagnosticDescriptors.NameClash, pointer, wanted + "Async", baseName + "Async");
        }
        var methodName = baseName + "Async";

        var parameterNames = new NameTable();
        foreach (var reserved in new[] { "body", "content", "cancellationToken" }) parameterNames.Reserve(reserved);
        var parameters = new List<ParameterSpec>();
        foreach (var (parameter, index, fromPathItem) in MergedParameters(item, operation))
        {
            var paramPointer = (fromPathItem ? "#/paths/" + SchemaBuilder.Escape(path) : pointer) + "/parameters/" + index.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(parameter.Name) || parameter.In is null)
            {
                _context.Report(DiagnosticDescriptors.UnresolvedReference, paramPointer, "parameter");
                continue;
            }
            ParameterKind kind;
            switch (parameter.In.Value)
            {
                case ParameterLocation.Path: kind = ParameterKind.Path; break;
                case ParameterLocation.Query: kind = ParameterKind.Query; break;
                case ParameterLocation.Header when !PlumbingHeaders.Contains(parameter.Name!): kind = ParameterKind.Header; break;
                case ParameterLocation.Header: continue;
                default:
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, paramPointer, "Cookie parameter '" + parameter.Name + "'", "send it through the HttpClient instead");
                    continue;
            }
            // A parameter without a schema (or with content instead) still travels as text.
            var (type, _) = parameter.Schema is null ? (TypeRef.String, false) : _schemas.Resolve(parameter.Schema, baseName + Naming.Pascal(parameter.Name), paramPointer + "/schema", 0, parameter.Name);
            if (type.Kind is TypeRefKind.Map || (type.Kind == TypeRefKind.Named && type.NamedKind is TypeKind.Object or TypeKind.Union))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, paramPointer, "Object-valued parameter '" + parameter.Name + "'", "it is sent as a string");
                type = TypeRef.String;
            }
            var required = kind == ParameterKind.Path || parameter.Required;
            parameters.Add(new ParameterSpec(parameterNames.Claim(Naming.Camel(parameter.Name)), parameter.Name!, kind, type, required, Clean(parameter.Description)));
        }
        // Path parameters in path order; then required before optional (stable, so spec order breaks ties).
        var ordered = parameters.Where(p => p.In == ParameterKind.Path).OrderBy(p => path.IndexOf("{" + p.WireName + "}", StringComparison.Ordinal))
            .Concat(parameters.Where(p => p.In != ParameterKind.Path && p.IsRequired))
            .Concat(parameters.Where(p => p.In != ParameterKind.Path && !p.IsRequired))
            .ToList();
        foreach (var placeholder in PathPlaceholders(path).Where(n => ordered.All(p => p.In != ParameterKind.Path || p.WireName != n)))
        {
            _context.Report(DiagnosticDescriptors.InvalidOpenApi, pointer, _context.SpecPath, "path parameter '" + placeholder + "' is not declared; generated as a string");
            ordered.Insert(ordered.Count(p => p.In == ParameterKind.Path), new ParameterSpec(parameterNames.Claim(Naming.Camel(placeholder)), placeholder, ParameterKind.Path, TypeRef.String, true, null));
        }

        TypeRef? body = null;
        var rawBody = false;
        var bodyRequired = false;
        if (operation.RequestBody?.Content is { Count: > 0 } content)
        {
            bodyRequired = operation.RequestBody.Required;
            var json = content.FirstOrDefault(c => IsJson(c.Key));
            if (json.Key is not null)
            {
                body = _schemas.Resolve(json.Value?.Schema, baseName + "Request", pointer + "/requestBody/content/" + SchemaBuilder.Escape(json.Key) + "/schema").Type;
                BodyTypes.Add(body);
            }
            else
            {
                rawBody = true;
            }
        }

        TypeRef? response = null;
        var responseOptional = false;
        if (operation.Responses is not null)
        {
            var successes = operation.Responses.Keys.Where(k => k.StartsWith("2", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).ToList();
            foreach (var status in successes)
            {
                var media = operation.Responses[status]?.Content?.FirstOrDefault(c => IsJson(c.Key));
                if (media?.Key is null || media.Value.Value?.Schema is null) continue;
                response = _schemas.Resolve(media.Value.Value.Schema, baseName + "Response", pointer + "/responses/" + status + "/content/" + SchemaBuilder.Escape(media.Value.Key) + "/schema").Type;
                break;
            }
            // e.g. 200 with a body and 204 without: an empty body is a documented outcome, not an error.
            responseOptional = response is not null && successes.Any(k => operation.Responses[k]?.Content is not { Count: > 0 });
        }

        var paging = Paging(ordered, response, baseName, methods);
        return new OperationSpec(operationId!, methodName, method.Method.ToUpperInvariant(), path.TrimStart('/'), ordered.ToEquatableArray(),
            body, bodyRequired, rawBody, response, responseOptional, Clean(operation.Summary), Clean(operation.Description), operation.Deprecated, paging);
    }

    private PagingSpec? Paging(List<ParameterSpec> parameters, TypeRef? response, string baseName, NameTable methods)
    {
        var token = parameters.FirstOrDefault(p => p.In == ParameterKind.Query && p.WireName == "next_page_token" && p.Type.Kind == TypeRefKind.String);
        if (token is null || response is null || _schemas.Find(response) is not { Kind: TypeKind.Object } page) return null;
        var next = page.Properties.FirstOrDefault(p => p.JsonName == "next_page_token" && p.Type.Kind == TypeRefKind.String);
        var items = page.Properties.FirstOrDefault(p => p.Type.Kind == TypeRefKind.List);
        if (next is null || items is null) return null;
        return new PagingSpec(methods.Claim(baseName + "AllAsync"), items.Type.Element!, items.Name, next.Name, token.Name);
    }

    /// <summary>Reserves <c>{name}Async</c> (and the paging <c>{name}AllAsync</c>), numbering the name itself on clashes.</summary>
    private static string ClaimMethodBase(NameTable methods, string wanted)
    {
        var name = wanted;
        for (var i = 2; methods.IsTaken(name + "Async") || methods.IsTaken(name + "AllAsync"); i++)
        {
            name = wanted + i.ToString(CultureInfo.InvariantCulture);
        }
        methods.Reserve(name + "Async");
        return name;
    }

    /// <summary>Path-item parameters apply to every operation unless the operation redefines the same name and location.</summary>
    private static IEnumerable<(IOpenApiParameter Parameter, int Index, bool FromPathItem)> MergedParameters(IOpenApiPathItem item, OpenApiOperation operation)
    {
        var own = operation.Parameters ?? new List<IOpenApiParameter>();
        var shared = item.Parameters ?? new List<IOpenApiParameter>();
        for (var i = 0; i < shared.Count; i++)
        {
            if (own.Any(p => p.Name == shared[i].Name && p.In == shared[i].In)) continue;
            yield return (shared[i], i, true);
        }
        for (var i = 0; i < own.Count; i++) yield return (own[i], i, false);
    }

    private static IEnumerable<string> PathPlaceholders(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0) yield break;
            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }

    private static bool IsJson(string mediaType) => mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 || mediaType == "*/*";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}
