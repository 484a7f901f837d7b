using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ZoomEvents.Runtime.Tests.Infrastructure;

/// <summary>What the scripted handler saw for one request (captured before the request can be disposed).</summary>
public sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, string? Authorization, string? Body, DateTimeOffset At, int Index);

/// <summary>
/// A primary handler whose answers are scripted per test. Routes are tried in order; a route's responder
/// receives the request and how often that route has matched so far, and may throw to simulate transport
/// failures. Unmatched requests fail the test loudly.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly List<Route> _routes = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TimeProvider _time;
    private int _index;

    public ScriptedHandler(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public TimeProvider Time => _time;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathFragment) =>
        [.. _requests.Where(r => r.Uri.AbsolutePath.Contains(pathFragment, StringComparison.Ordinal))];

    public ScriptedHandler On(Func<HttpRequestMessage, bool> match, Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _routes.Add(new Route(match, respond));
        return this;
    }

    public ScriptedHandler On(Func<HttpRequestMessage, bool> match, Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) =>
        On(match, (r, n, _) => respond(r, n));

    public ScriptedHandler On(Func<HttpRequestMessage, bool> match, Func<HttpRequestMessage, int, HttpResponseMessage> respond) =>
        On(match, (r, n) => Task.FromResult(respond(r, n)));

    public ScriptedHandler OnToken(Func<int, HttpResponseMessage> respond) =>
        On(r => r.RequestUri!.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal), (_, n) => respond(n));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Token(string accessToken, int expiresIn = 3600, string? apiUrl = null) =>
        Json(HttpStatusCode.OK,
            $$"""{"access_token":"{{accessToken}}","token_type":"bearer","expires_in":{{expiresIn}},"scope":"zoom_events:read"{{(apiUrl is null ? "" : $",\"api_url\":\"{apiUrl}\"")}}}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var index = Interlocked.Increment(ref _index) - 1;
        _requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body, _time.GetUtcNow(), index));
        foreach (var route in _routes)
        {
            if (route.Match(request))
            {
                var n = Interlocked.Increment(ref route.Count) - 1;
                var response = await route.Respond(request, n, cancellationToken);
                response.RequestMessage ??= request;
                return response;
            }
        }

        throw new InvalidOperationException($"No scripted response for {request.Method} {request.RequestUri}.");
    }

    // The factory disposes handler chains when they expire; the script must outlive that within a test.
    protected override void Dispose(bool disposing)
    {
    }

    private sealed class Route(Func<HttpRequestMessage, bool> match, Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        public int Count;

        public Func<HttpRequestMessage, bool> Match { get; } = match;

        public Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> Respond { get; } = respond;
    }
}
