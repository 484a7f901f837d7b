using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZoomEvents.Runtime.Auth;

/// <summary>
/// Server-to-Server OAuth (<c>grant_type=account_credentials</c>). Tokens are cached and replaced
/// <see cref="ZoomEventsOptions.TokenRefreshMargin"/> before expiry; concurrent callers that find no valid
/// token share a single request (single flight). Zoom issues no refresh tokens, so "refresh" means a new
/// token request; several live tokens per app are allowed, so other instances are not invalidated.
/// A token endpoint that stays unreachable, hangs or keeps answering 5xx through the token client's retries ends in
/// <see cref="ZoomTokenUnavailableException"/>; one that refuses the credentials in <see cref="ZoomTokenRejectedException"/>.
/// </summary>
public sealed partial class ServerToServerTokenProvider : IZoomAccessTokenProvider
{
    // A backstop beyond the token client's own total timeout (its pipeline normally ends the fetch first). Shorter, it
    // would cut the token client's retries short, as the old fixed 30 s (= one attempt) did.
    private static readonly TimeSpan FetchTimeoutMargin = TimeSpan.FromSeconds(15);

    private readonly Func<HttpClient> _httpClientFactory;
    private readonly ZoomEventsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _tokenUri;
    private readonly AuthenticationHeaderValue _basic;
    private readonly Lock _gate = new();
    private ZoomAccessToken? _current;
    private Task<ZoomAccessToken>? _inflight;
    private int _fetchCount;

    /// <summary>Creates a provider that asks <paramref name="httpClientFactory"/> for a client per token request.</summary>
    /// <exception cref="InvalidOperationException">Credentials or the token URL are missing or invalid.</exception>
    public ServerToServerTokenProvider(
        Func<HttpClient> httpClientFactory,
        ZoomEventsOptions options,
        TimeProvider? timeProvider = null,
        ILogger<ServerToServerTokenProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Clone();
        if (string.IsNullOrWhiteSpace(_options.AccountId) || string.IsNullOrWhiteSpace(_options.ClientId)
            || string.IsNullOrWhiteSpace(_options.ClientSecret))
        {
            throw new InvalidOperationException(
                "Server-to-Server OAuth needs ZoomEvents:AccountId, ZoomEvents:ClientId and ZoomEvents:ClientSecret.");
        }

        _tokenUri = ZoomEventsOptions.ToDirectoryUri(_options.TokenUrl, nameof(ZoomEventsOptions.TokenUrl));
        // ToDirectoryUri appends '/', which the token endpoint does not want.
        _tokenUri = new Uri(_tokenUri.AbsoluteUri.TrimEnd('/'));
        _httpClientFactory = httpClientFactory;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _basic = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ClientId + ":" + _options.ClientSecret)));
    }

    /// <summary>Creates a provider that uses one <see cref="HttpClient"/> for all token requests.</summary>
    public ServerToServerTokenProvider(HttpClient httpClient, ZoomEventsOptions options, TimeProvider? timeProvider = null,
        ILogger<ServerToServerTokenProvider>? logger = null)
        : this(ReturnClient(httpClient), options, timeProvider, logger)
    {
    }

    /// <summary>How many token requests have been started (diagnostics and tests).</summary>
    public int FetchCount => Volatile.Read(ref _fetchCount);

    /// <inheritdoc />
    public ValueTask<ZoomAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _time.GetUtcNow() < current.RefreshAt)
        {
            return ValueTask.FromResult(current);
        }

        Task<ZoomAccessToken> fetch;
        lock (_gate)
        {
            current = _current;
            if (current is not null && _time.GetUtcNow() < current.RefreshAt)
            {
                return ValueTask.FromResult(current);
            }

            // A completed task here is a finished (or failed) earlier fetch: start a new one.
            if (_inflight is null || _inflight.IsCompleted)
            {
                _inflight = FetchAndStoreAsync();
            }

            fetch = _inflight;
        }

        // The shared fetch ignores each caller's token so one impatient caller cannot fail the others.
        return new ValueTask<ZoomAccessToken>(fetch.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public void Invalidate(ZoomAccessToken rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        lock (_gate)
        {
            if (_current is not null && string.Equals(_current.Value, rejected.Value, StringComparison.Ordinal))
            {
                _current = null;
                LogInvalidated(_logger);
            }
        }
    }

    private async Task<ZoomAccessToken> FetchAndStoreAsync()
    {
        // Yield first so the caller's lock is released before any I/O starts.
        await Task.Yield();
        Interlocked.Increment(ref _fetchCount);
        var limit = _options.TotalTimeout + FetchTimeoutMargin;
        using var timeout = new CancellationTokenSource(limit, _time);
        ZoomAccessToken token;
        try
        {
            token = await FetchAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            // Only the backstop can cancel this shared fetch (callers' tokens are not passed in).
            throw new ZoomTokenUnavailableException(_tokenUri,
                new TimeoutException($"The token endpoint did not answer within {limit.TotalSeconds:0} s.", exception));
        }

        lock (_gate)
        {
            _current = token;
        }

        return token;
    }

    private async Task<ZoomAccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var query = "grant_type=account_credentials&account_id=" + Uri.EscapeDataString(_options.AccountId!);
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri)
        {
            // Zoom accepts the parameters as a form body; unlike the query string it never shows up in access logs.
            Content = new StringContent(query, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = _basic;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var issuedAt = _time.GetUtcNow();
        var http = _httpClientFactory();
        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
                                          && !cancellationToken.IsCancellationRequested)
        {
            // The token client has already retried; marking the failure keeps the API pipeline around this call
            // from retrying it again, which would multiply token attempts (retries squared) against a dead endpoint.
            throw new ZoomTokenUnavailableException(_tokenUri, exception);
        }

        using var response = sent;
        if (!response.IsSuccessStatusCode)
        {
            var error = await ZoomApiException.FromResponseAsync(response, _time, cancellationToken).ConfigureAwait(false);
            LogTokenFailed(_logger, (int)response.StatusCode, error.ZoomMessage);
            // 5xx/408/429 survived the token client's retries: the endpoint is unavailable, which says nothing about
            // the credentials. Any other status is a refusal that will repeat for every request until fixed.
            throw IsUnavailableStatus(response.StatusCode)
                ? new ZoomTokenUnavailableException(_tokenUri, error)
                : new ZoomTokenRejectedException(error);
        }

        ZoomAccessToken token;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            token = ParseTokenResponse(body, issuedAt, _options.TokenRefreshMargin, out var ignoredApiUrl);
            if (ignoredApiUrl is not null)
            {
                LogApiUrlIgnored(_logger, ignoredApiUrl);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException
                                          && !cancellationToken.IsCancellationRequested)
        {
            throw new ZoomTokenUnavailableException(_tokenUri, exception);
        }

        LogTokenIssued(_logger, token.ExpiresAt, token.ApiUrl?.Host);
        return token;
    }

    /// <summary>
    /// Parses a token endpoint body (<c>access_token</c>, <c>expires_in</c>, <c>api_url</c>, <c>scope</c>) issued at
    /// <paramref name="issuedAt"/>. Errors never quote the body, which contains the token.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not JSON, or no <c>access_token</c>.</exception>
    public static ZoomAccessToken ParseTokenResponse(byte[] body, DateTimeOffset issuedAt, TimeSpan margin) =>
        ParseTokenResponse(body, issuedAt, margin, out _);

    /// <summary>
    /// Same as <see cref="ParseTokenResponse(byte[], DateTimeOffset, TimeSpan)"/>; <paramref name="ignoredApiUrl"/>
    /// describes (scheme and host only) an <c>api_url</c> that was present but not accepted.
    /// </summary>
    /// <remarks>
    /// <c>api_url</c> decides where the bearer token is sent, so only https is accepted. Plain http is allowed for
    /// loopback hosts alone, which is what the local sandbox answers (it listens on 127.0.0.1 without TLS).
    /// </remarks>
    public static ZoomAccessToken ParseTokenResponse(byte[] body, DateTimeOffset issuedAt, TimeSpan margin, out string? ignoredApiUrl)
    {
        ignoredApiUrl = null;
        string? accessToken = null, apiUrl = null, scope = null;
        double? expiresIn = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    accessToken = t.GetString();
                }

                if (root.TryGetProperty("expires_in", out var e))
                {
                    expiresIn = e.ValueKind switch
                    {
                        JsonValueKind.Number => e.GetDouble(),
                        JsonValueKind.String when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                        _ => null,
                    };
                }

                if (root.TryGetProperty("api_url", out var a) && a.ValueKind == JsonValueKind.String)
                {
                    apiUrl = a.GetString();
                }

                if (root.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String)
                {
                    scope = s.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Deliberately no inner exception or body text: the body may contain the token.
            throw new InvalidOperationException("The Zoom token endpoint returned a body that is not JSON.");
        }

        if (string.IsNullOrEmpty(accessToken))
        {
            throw new InvalidOperationException("The Zoom token endpoint's response has no access_token.");
        }

        // Zoom documents 3600 s; fall back to that if the field is missing or silly.
        var lifetime = TimeSpan.FromSeconds(expiresIn is > 0 and < 31_536_000 ? expiresIn.Value : 3600);
        // A margin larger than half the lifetime would make every token look expired at once.
        var effectiveMargin = margin < lifetime / 2 ? margin : lifetime / 2;
        Uri? api = null;
        if (!string.IsNullOrWhiteSpace(apiUrl))
        {
            if (Uri.TryCreate(apiUrl, UriKind.Absolute, out var parsed) && IsAcceptableApiUrl(parsed))
            {
                api = parsed;
            }
            else
            {
                ignoredApiUrl = parsed is null ? "(not an absolute URL)" : parsed.Scheme + "://" + parsed.Host;
            }
        }

        return new ZoomAccessToken(accessToken, issuedAt + lifetime - effectiveMargin, issuedAt + lifetime, api, scope);
    }

    private static bool IsAcceptableApiUrl(Uri uri) =>
        string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static bool IsUnavailableStatus(System.Net.HttpStatusCode status) =>
        (int)status >= 500 || status is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests;

    private static Func<HttpClient> ReturnClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Zoom access token issued; expires at {ExpiresAt:O}, regional host {ApiHost}.")]
    private static partial void LogTokenIssued(ILogger logger, DateTimeOffset expiresAt, string? apiHost);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Zoom token request failed with HTTP {StatusCode}: {Reason}.")]
    private static partial void LogTokenFailed(ILogger logger, int statusCode, string? reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Ignoring the token response's api_url {ApiUrl}: only https (or http on a loopback host) may receive the access token.")]
    private static partial void LogApiUrlIgnored(ILogger logger, string apiUrl);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Zoom rejected the cached access token (401); a new one will be requested.")]
    private static partial void LogInvalidated(ILogger logger);
}
