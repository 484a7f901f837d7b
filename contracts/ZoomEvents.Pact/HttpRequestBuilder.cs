using System.Text.Json;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact;

/// <summary>Query, headers and body of the expected request; <see cref="WillRespond"/> moves on to the response.</summary>
public sealed class HttpRequestBuilder
{
    private readonly HttpInteractionBuilder _interaction;
    private readonly PartWriter _part;

    internal HttpRequestBuilder(HttpInteractionBuilder interaction)
    {
        _interaction = interaction;
        _part = new PartWriter(interaction, PactFfi.RequestPart);
    }

    /// <summary>Adds a query parameter value; call again with the same name for repeated parameters (<c>?a=1&amp;a=2</c>).</summary>
    public HttpRequestBuilder WithQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _part.Query(name, value);
        return this;
    }

    /// <summary>Adds a query parameter whose value is matched (query values are strings: use <see cref="Match.Regex"/>).</summary>
    public HttpRequestBuilder WithQuery(string name, Matcher value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _part.Query(name, value.ToJson(_interaction.JsonOptions));
        return this;
    }

    /// <summary>Adds a header value; repeat for multi-valued headers.</summary>
    public HttpRequestBuilder WithHeader(string name, string value)
    {
        _part.Header(name, value);
        return this;
    }

    /// <summary>Adds a header whose value is matched (e.g. <c>Match.Regex("Bearer abc", "^Bearer .+$")</c>).</summary>
    public HttpRequestBuilder WithHeader(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _part.Header(name, value.ToJson(_interaction.JsonOptions));
        return this;
    }

    /// <summary>JSON body; <paramref name="body"/> may be any serialisable object or JsonNode and may contain matchers.</summary>
    public HttpRequestBuilder WithJsonBody(object body, string contentType = "application/json")
    {
        _part.JsonBody(body, contentType, options: null);
        return this;
    }

    /// <summary>JSON body serialised with specific options (e.g. the generated client's own).</summary>
    public HttpRequestBuilder WithJsonBody(object body, JsonSerializerOptions options, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(options);
        _part.JsonBody(body, contentType, options);
        return this;
    }

    /// <summary>Non-JSON body, matched exactly.</summary>
    public HttpRequestBuilder WithBody(string body, string contentType)
    {
        _part.RawBody(body, contentType);
        return this;
    }

    /// <summary>Describes the response the mock server gives.</summary>
    public HttpResponseBuilder WillRespond() => new(_interaction);
}

/// <summary>Status, headers and body of the response; the interaction is complete at any point.</summary>
public sealed class HttpResponseBuilder
{
    private readonly HttpInteractionBuilder _interaction;
    private readonly PartWriter _part;

    internal HttpResponseBuilder(HttpInteractionBuilder interaction)
    {
        _interaction = interaction;
        _part = new PartWriter(interaction, PactFfi.ResponsePart);
    }

    /// <summary>Status code (default 200).</summary>
    public HttpResponseBuilder WithStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        _interaction.Invoke(() => _interaction.Check(PactFfi.ResponseStatus(_interaction.Handle, (ushort)status), $"set status {status}"));
        return this;
    }

    /// <summary>Status code (default 200).</summary>
    public HttpResponseBuilder WithStatus(System.Net.HttpStatusCode status) => WithStatus((int)status);

    /// <summary>Adds a response header value.</summary>
    public HttpResponseBuilder WithHeader(string name, string value)
    {
        _part.Header(name, value);
        return this;
    }

    /// <summary>Adds a response header whose value is matched.</summary>
    public HttpResponseBuilder WithHeader(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _part.Header(name, value.ToJson(_interaction.JsonOptions));
        return this;
    }

    /// <summary>JSON body; may contain matchers.</summary>
    public HttpResponseBuilder WithJsonBody(object body, string contentType = "application/json")
    {
        _part.JsonBody(body, contentType, options: null);
        return this;
    }

    /// <summary>JSON body serialised with specific options.</summary>
    public HttpResponseBuilder WithJsonBody(object body, JsonSerializerOptions options, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(options);
        _part.JsonBody(body, contentType, options);
        return this;
    }

    /// <summary>Non-JSON body.</summary>
    public HttpResponseBuilder WithBody(string body, string contentType)
    {
        _part.RawBody(body, contentType);
        return this;
    }
}

/// <summary>What requests and responses share: indexed repeats of query/header values and the body.</summary>
internal sealed class PartWriter(HttpInteractionBuilder interaction, int part)
{
    private readonly Dictionary<string, int> _queryCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _headerCounts = new(StringComparer.OrdinalIgnoreCase);
    private bool _hasBody;

    internal void Query(string name, string value)
    {
        var index = Next(_queryCounts, name);
        interaction.Invoke(() => interaction.Check(PactFfi.WithQueryParameter(interaction.Handle, name, (nuint)index, value), $"add query parameter '{name}'"));
    }

    internal void Header(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var index = Next(_headerCounts, name);
        interaction.Invoke(() => interaction.Check(PactFfi.WithHeader(interaction.Handle, part, name, (nuint)index, value), $"add header '{name}'"));
    }

    internal void JsonBody(object body, string contentType, JsonSerializerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var json = JsonSerializer.Serialize(body, body.GetType(), options ?? interaction.JsonOptions);
        RawBody(json, contentType);
    }

    internal void RawBody(string body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (_hasBody)
        {
            throw new PactException($"The {(part == 0 ? "request" : "response")} of '{interaction.Description}' already has a body.");
        }
        interaction.Invoke(() => interaction.Check(PactFfi.WithBody(interaction.Handle, part, contentType, body), $"set the {(part == 0 ? "request" : "response")} body"));
        _hasBody = true;
    }

    private static int Next(Dictionary<string, int> counts, string name)
    {
        counts.TryGetValue(name, out var index);
        counts[name] = index + 1;
        return index;
    }
}
