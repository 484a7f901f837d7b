using Microsoft.OpenApi;
using ZoomEvents.Conformance.Spec;

namespace ZoomEvents.Conformance.Diff;

/// <summary>Which direction(s) a schema travels in; decides whether e.g. a new required property breaks callers.</summary>
[Flags]
internal enum SchemaUsage
{
    Request = 1,
    Response = 2,
    Both = Request | Response,
}

/// <summary>For every component schema: do operations send it, receive it, or both (following references transitively).</summary>
internal static class ComponentUsage
{
    public static IReadOnlyDictionary<string, SchemaUsage> Compute(OpenApiSpec spec)
    {
        var usage = new Dictionary<string, SchemaUsage>(StringComparer.Ordinal);
        foreach (var operation in spec.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                Visit(parameter.Schema, SchemaUsage.Request, usage);
            }

            foreach (var media in operation.Operation.RequestBody?.Content?.Values ?? [])
            {
                Visit(media.Schema, SchemaUsage.Request, usage);
            }

            foreach (var response in operation.Operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                foreach (var media in response.Content?.Values ?? [])
                {
                    Visit(media.Schema, SchemaUsage.Response, usage);
                }

                foreach (var header in response.Headers?.Values ?? [])
                {
                    Visit(header.Schema, SchemaUsage.Response, usage);
                }
            }
        }

        return usage;
    }

    private static void Visit(IOpenApiSchema? schema, SchemaUsage direction, Dictionary<string, SchemaUsage> usage)
    {
        if (schema is null)
        {
            return;
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            var known = usage.GetValueOrDefault(id);
            if (known.HasFlag(direction))
            {
                return; // already walked in this direction; also stops recursion
            }

            usage[id] = known | direction;
            schema = OpenApiSpec.Resolve(reference);
        }

        foreach (var child in Children(schema))
        {
            Visit(child, direction, usage);
        }
    }

    public static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema)
    {
        foreach (var property in schema.Properties?.Values ?? [])
        {
            yield return property;
        }

        foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
        {
            foreach (var member in list ?? [])
            {
                yield return member;
            }
        }

        if (schema.Items is { } items)
        {
            yield return items;
        }

        if (schema.AdditionalProperties is { } additional)
        {
            yield return additional;
        }

        if (schema.Not is { } not)
        {
            yield return not;
        }
    }
}
