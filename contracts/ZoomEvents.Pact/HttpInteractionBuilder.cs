using System.Text.Json;
using ZoomEvents.Pact.Native;

namespace ZoomEvents.Pact;

/// <summary>
/// One interaction being described: provider states and comments first, then <see cref="WithRequest(HttpMethod, string)"/>.
/// Every call goes straight to the engine; a refused call throws <see cref="PactException"/> with the engine's reason.
/// </summary>
public sealed class HttpInteractionBuilder
{
    private readonly PactV4 _owner;
    private readonly int _generation;

    internal HttpInteractionBuilder(PactV4 owner, int generation, uint handle, string description)
    {
        _owner = owner;
        _generation = generation;
        Handle = handle;
        Description = description;
    }

    /// <summary>The interaction's description.</summary>
    public string Description { get; }

    internal uint Handle { get; }

    internal bool RequestDefined { get; private set; }

    internal JsonSerializerOptions JsonOptions => _owner.Config.ResolvedJsonOptions;

    /// <summary>Adds a provider state without parameters.</summary>
    public HttpInteractionBuilder Given(string state) => Given(state, parameters: null);

    /// <summary>
    /// Adds a provider state with parameters: any object serialising to a JSON object (anonymous object, dictionary,
    /// record, <see cref="System.Text.Json.Nodes.JsonObject"/>). Types are kept: <c>"10"</c> stays a string.
    /// </summary>
    public HttpInteractionBuilder Given(string state, object? parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        string? json = null;
        if (parameters is not null)
        {
            var node = JsonSerializer.SerializeToNode(parameters, parameters.GetType(), JsonOptions);
            if (node is not System.Text.Json.Nodes.JsonObject)
            {
                throw new ArgumentException(
                    $"Provider state parameters must serialise to a JSON object, got {node?.GetValueKind().ToString() ?? "null"}.",
                    nameof(parameters));
            }
            json = node.ToJsonString();
        }
        Invoke(() =>
        {
            if (json is null)
            {
                if (!PactFfi.Given(Handle, state))
                {
                    throw NativeFailure.Create($"Could not add provider state '{state}' to '{Description}'");
                }
                return;
            }
            var rc = PactFfi.GivenWithParams(Handle, state, json);
            if (rc != 0)
            {
                throw NativeFailure.Create($"Could not add provider state '{state}' to '{Description}' (code {rc})");
            }
        });
        return this;
    }

    /// <summary>Adds a free-text comment (V4 <c>comments.text</c>).</summary>
    public HttpInteractionBuilder WithComment(string comment)
    {
        ArgumentException.ThrowIfNullOrEmpty(comment);
        Invoke(() => Check(PactFfi.AddTextComment(Handle, comment), "add a comment"));
        return this;
    }

    /// <summary>Records a reference, e.g. <c>WithReference("openapi", "operationId", "createEvent")</c> (V4 <c>comments.references</c>).</summary>
    public HttpInteractionBuilder WithReference(string group, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var json = JsonSerializer.Serialize(value);
        Invoke(() => Check(PactFfi.AddReference(Handle, group, name, json), $"add reference {group}.{name}"));
        return this;
    }

    /// <summary>Marks the interaction pending: a provider failing it does not fail verification.</summary>
    public HttpInteractionBuilder AsPending()
    {
        Invoke(() => Check(PactFfi.SetPending(Handle, true), "mark pending"));
        return this;
    }

    /// <summary>Records the test that produced the interaction (V4 <c>comments.testname</c>).</summary>
    public HttpInteractionBuilder WithTestName(string testName)
    {
        ArgumentException.ThrowIfNullOrEmpty(testName);
        Invoke(() =>
        {
            var rc = PactFfi.SetTestName(Handle, testName);
            if (rc != 0)
            {
                throw NativeFailure.Create($"Could not set the test name of '{Description}' (code {rc})");
            }
        });
        return this;
    }

    /// <summary>The request the consumer will send.</summary>
    public HttpRequestBuilder WithRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Request path '{path}' must start with '/'.", nameof(path));
        }
        if (path.Contains('?', StringComparison.Ordinal))
        {
            // The engine would treat it as part of the path and never match the real query string.
            throw new ArgumentException($"Request path '{path}' contains a query string; describe it with WithQuery(name, value).", nameof(path));
        }
        return DefineRequest(method.Method, path);
    }

    /// <summary>The request the consumer will send, with a matcher (usually <see cref="Match.Regex"/>) for the path.</summary>
    public HttpRequestBuilder WithRequest(HttpMethod method, Matcher path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return DefineRequest(method.Method, path.ToJson(JsonOptions));
    }

    private HttpRequestBuilder DefineRequest(string method, string path)
    {
        if (RequestDefined)
        {
            throw new PactException($"'{Description}' already has a request; start another interaction with UponReceiving.");
        }
        Invoke(() => Check(PactFfi.WithRequest(Handle, method, path), $"set the request {method} {path}"));
        RequestDefined = true;
        return new HttpRequestBuilder(this);
    }

    /// <summary>Runs a native call only while this interaction's pact is still being built.</summary>
    internal void Invoke(Action call)
    {
        lock (_owner.Gate)
        {
            if (!_owner.IsCurrent(_generation))
            {
                throw new PactException(
                    $"Interaction '{Description}' can no longer be changed: its pact was already verified or disposed. " +
                    "Describe interactions before calling VerifyAsync, and start new ones with UponReceiving.");
            }
            call();
        }
    }

    internal void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw NativeFailure.Create($"Could not {what} on '{Description}'");
        }
    }
}
