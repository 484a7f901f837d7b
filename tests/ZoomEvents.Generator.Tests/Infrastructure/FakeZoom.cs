using System.Net;
using System.Text;

namespace ZoomEvents.Generator.Tests.Infrastructure;

/// <summary>An HttpMessageHandler answering canned JSON per "METHOD path?query" and recording every request.</summary>
internal sealed class FakeZoom : HttpMessageHandler
{
    private readonly List<(string Method, string PathPrefix, HttpStatusCode Status, string? Body)> _routes = new();

    public List<(string Method, string PathAndQuery, string? Body)> Requests { get; } = new();

    /// <summary>Request headers by name, comma-joined as sent, per request in <see cref="Requests"/> order.</summary>
    public List<Dictionary<string, string>> Headers { get; } = new();

    public FakeZoom On(string method, string pathPrefix, HttpStatusCode status, string? body = null)
    {
        _routes.Add((method, pathPrefix, status, body));
        return this;
    }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("https://api.zoom.test/v2/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method.Method, path, body));
        Headers.Add(request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        // Longest matching prefix wins, so a paging route with a token beats the first-page route.
        var route = _routes.Where(r => r.Method == request.Method.Method && path.StartsWith(r.PathPrefix, StringComparison.Ordinal))
            .OrderByDescending(r => r.PathPrefix.Length).FirstOrDefault();
        if (route.Method is null) return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"code":404,"message":"No route in FakeZoom: """ + path + "\"}", Encoding.UTF8, "application/json") };
        var response = new HttpResponseMessage(route.Status);
        if (route.Body is not null) response.Content = new StringContent(route.Body, Encoding.UTF8, "application/json");
        return response;
    }
}
