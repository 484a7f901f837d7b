using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Scriban.Runtime;
using ZoomEvents.Generator.Model;

namespace ZoomEvents.Generator.Emitting;

internal static partial class Emitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken cancellationToken = default";

    private static ScriptObject GroupModel(GenerationContext c, ClientGroupSpec group)
    {
        var so = Common(c);
        so["name"] = group.ClassName;
        so["doc"] = Doc(group.Description ?? "Operations tagged '" + group.Tag + "'.");
        var methods = new ScriptArray();
        foreach (var operation in group.Operations)
        {
            methods.Add(Method(c, operation));
            if (operation.Paging is not null) methods.Add(PagingMethod(c, operation, operation.Paging));
        }
        so["methods"] = methods;
        return so;
    }

    private static List<string> ParameterDeclarations(GenerationContext c, OperationSpec op, string? skipParameter = null)
    {
        var result = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.In == ParameterKind.Path)) result.Add(CSharp.Type(p.Type, c.Namespace) + " " + p.Name);
        if (op.Body is not null) result.Add(CSharp.Type(op.Body, c.Namespace) + " body");
        if (op.RawBody) result.Add("global::System.Net.Http.HttpContent content");
        foreach (var p in op.Parameters.Where(p => p.In != ParameterKind.Path && p.Name != skipParameter))
        {
            result.Add(CSharp.Type(p.Type, c.Namespace) + (p.IsRequired ? " " + p.Name : "? " + p.Name + " = null"));
        }
        result.Add(CancellationToken);
        return result;
    }

    private static ScriptArray MethodDoc(OperationSpec op, string? summaryOverride = null)
    {
        var doc = Doc(summaryOverride ?? op.Summary ?? op.Description ?? op.OperationId);
        if (summaryOverride is null && op.Summary is not null && op.Description is not null)
        {
            foreach (var line in Doc(op.Description, "remarks")) doc.Add(line);
        }
        foreach (var p in op.Parameters.Where(p => p.Description is not null))
        {
            var lines = CSharp.DocLines(p.Description);
            doc.Add("/// <param name=\"" + p.Name.TrimStart('@') + "\">" + string.Join(" ", lines) + "</param>");
        }
        if (op.IsDeprecated) doc.Add("/// <remarks>Deprecated by the API.</remarks>");
        doc.Add("/// <exception cref=\"global::ZoomEvents.Runtime.ZoomApiException\">Zoom answered with a status outside 2xx (ZoomRateLimitException for 429).</exception>");
        return doc;
    }

    private static ScriptObject Method(GenerationContext c, OperationSpec op)
    {
        var returns = op.Response is null ? Task : Task + "<" + CSharp.Type(op.Response, c.Namespace) + (op.ResponseOptional ? "?" : "") + ">";
        var body = new ScriptArray { "var __path = " + PathExpression(op) + ";" };
        var query = op.Parameters.Where(p => p.In == ParameterKind.Query).ToList();
        if (query.Count > 0)
        {
            body.Add("var __query = new global::System.Text.StringBuilder();");
            foreach (var p in query) body.Add(QueryStatement(p));
        }
        var uri = query.Count > 0 ? "__path + __query.ToString()" : "__path";
        body.Add("using var __request = new global::System.Net.Http.HttpRequestMessage(" + HttpMethod(op.HttpMethod) + ", new global::System.Uri(" + uri + ", global::System.UriKind.Relative));");
        foreach (var p in op.Parameters.Where(p => p.In == ParameterKind.Header))
        {
            var add = "__request.Headers.TryAddWithoutValidation(" + CSharp.Literal(p.WireName) + ", ";
            body.Add(p.IsRequired ? add + CSharp.Format(p.Type, p.Name) + ");" : "if (" + p.Name + " is { } __h_" + p.Name.TrimStart('@') + ") " + add + CSharp.Format(p.Type, "__h_" + p.Name.TrimStart('@')) + ");");
        }
        if (op.Body is not null)
        {
            body.Add("__request.Content = global::ZoomEvents.Runtime.Serialization.ZoomJsonContent.Create(body, " + CSharp.Converter(op.Body, c.Namespace, c.ClientName + "Wire") + ");");
        }
        if (op.RawBody) body.Add("__request.Content = content;");
        // ZoomHttp accepts any 2xx and turns everything else into ZoomApiException / ZoomRateLimitException.
        body.Add("using var __response = await global::ZoomEvents.Runtime.ZoomHttp.SendAsync(_http, __request, cancellationToken).ConfigureAwait(false);");
        if (op.Response is not null)
        {
            body.Add("var __bytes = await __response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);");
            if (op.ResponseOptional) body.Add("if (__bytes.Length == 0) return default;");
            body.Add("return global::ZoomEvents.Runtime.Serialization.ZoomJsonContent.Deserialize(__bytes, " + CSharp.Converter(op.Response, c.Namespace, c.ClientName + "Wire") + ");");
        }
        return new ScriptObject
        {
            ["doc"] = MethodDoc(op),
            ["signature"] = "public async " + returns + " " + op.MethodName + "(" + string.Join(", ", ParameterDeclarations(c, op)) + ")",
            ["body"] = body,
        };
    }

    private static ScriptObject PagingMethod(GenerationContext c, OperationSpec op, PagingSpec paging)
    {
        var page = CSharp.Type(op.Response!, c.Namespace);
        var item = CSharp.Type(paging.ItemType, c.Namespace);
        var arguments = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.In == ParameterKind.Path)) arguments.Add(p.Name + ": " + p.Name);
        if (op.Body is not null) arguments.Add("body: body");
        if (op.RawBody) arguments.Add("content: content");
        foreach (var p in op.Parameters.Where(p => p.In != ParameterKind.Path)) arguments.Add(p.Name + ": " + (p.Name == paging.TokenParameter ? "__token" : p.Name));
        arguments.Add("cancellationToken: __ct");
        var body = new ScriptArray
        {
            "return global::ZoomEvents.Runtime.ZoomPaging.EnumerateAsync<" + page + ", " + item + ">(",
            "    (__token, __ct) => " + op.MethodName + "(" + string.Join(", ", arguments) + "),",
            "    static __page => __page." + paging.ItemsProperty + ",",
            "    static __page => __page." + paging.NextPageTokenProperty + ",",
            "    cancellationToken);",
        };
        return new ScriptObject
        {
            ["doc"] = MethodDoc(op, "Every item of every page of " + op.OperationId + ", fetched lazily page by page (next_page_token)."),
            ["signature"] = "public global::System.Collections.Generic.IAsyncEnumerable<" + item + "> " + paging.MethodName + "(" + string.Join(", ", ParameterDeclarations(c, op, paging.TokenParameter)) + ")",
            ["body"] = body,
        };
    }

    /// <summary>Relative path (no leading slash, so HttpClient keeps the base address's /v2/) with escaped parameters.</summary>
    private static string PathExpression(OperationSpec op)
    {
        var parts = new List<string>();
        var path = op.Path;
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(CSharp.Literal(path.Substring(position)));
                break;
            }
            if (open > position) parts.Add(CSharp.Literal(path.Substring(position, open - position)));
            var wire = path.Substring(open + 1, close - open - 1);
            var parameter = op.Parameters.FirstOrDefault(p => p.In == ParameterKind.Path && p.WireName == wire);
            parts.Add(parameter is null ? CSharp.Literal("{" + wire + "}") : "global::System.Uri.EscapeDataString(" + CSharp.Format(parameter.Type, parameter.Name) + ")");
            position = close + 1;
        }
        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    private static string QueryStatement(ParameterSpec p)
    {
        var value = p.IsRequired ? p.Name : "__q_" + p.Name.TrimStart('@');
        string Append(TypeRef type, string expression) =>
            "__query.Append(__query.Length == 0 ? '?' : '&').Append(" + CSharp.Literal(p.WireName + "=") + ").Append(global::System.Uri.EscapeDataString(" + CSharp.Format(type, expression) + "));";
        // Arrays use form style with explode (OpenAPI's default): the key repeats per item.
        var statement = p.Type.Kind == TypeRefKind.List
            ? "foreach (var __item in " + value + ") { " + Append(p.Type.Element!, "__item") + " }"
            : Append(p.Type, value);
        return p.IsRequired ? statement : "if (" + p.Name + " is { } " + value + ") { " + statement + " }";
    }

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        _ => "new global::System.Net.Http.HttpMethod(" + CSharp.Literal(method) + ")",
    };

    private static ScriptObject RootModel(GenerationContext c, EquatableArray<GroupRef> groups)
    {
        var so = Common(c);
        so["name"] = c.ClientName;
        so["doc"] = Doc((c.Title ?? "API") + " client: one property per group of operations.");
        so["groups"] = Array(groups.Select(g => (object)new ScriptObject
        {
            ["property"] = g.PropertyName,
            ["type"] = Full(c, g.ClassName),
            ["doc"] = Doc(g.Description),
        }));
        return so;
    }

    private static ScriptObject ResolverModel(GenerationContext c, EquatableArray<TypeRef> types)
    {
        var so = Common(c);
        so["name"] = c.ClientName + "JsonResolver";
        so["types"] = Array(types.Select(t => (object)new ScriptObject
        {
            ["type"] = CSharp.Type(t, c.Namespace),
            ["converter"] = CSharp.Converter(t, c.Namespace, c.ClientName + "Wire"),
        }));
        return so;
    }

    private static ScriptObject DependencyInjectionModel(GenerationContext c)
    {
        var so = Common(c);
        so["name"] = c.ClientName + "ServiceCollectionExtensions";
        so["method"] = "Add" + c.ClientName;
        so["client_full"] = Full(c, c.ClientName);
        return so;
    }
}
