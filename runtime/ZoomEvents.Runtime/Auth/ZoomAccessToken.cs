namespace ZoomEvents.Runtime.Auth;

/// <summary>A bearer token plus what the client needs to know about it. <see cref="ToString"/> hides the value.</summary>
public sealed class ZoomAccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The bearer token.</param>
    /// <param name="refreshAt">When to stop using it and fetch a new one (expiry minus the refresh margin).</param>
    /// <param name="expiresAt">When Zoom stops accepting it.</param>
    /// <param name="apiUrl">Regional API host from the token response (<c>api_url</c>), if any.</param>
    /// <param name="scope">Space-separated scopes granted, if reported.</param>
    public ZoomAccessToken(string value, DateTimeOffset refreshAt, DateTimeOffset expiresAt, Uri? apiUrl = null, string? scope = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        RefreshAt = refreshAt;
        ExpiresAt = expiresAt;
        ApiUrl = apiUrl;
        Scope = scope;
    }

    /// <summary>The bearer token. Treat as a secret.</summary>
    public string Value { get; }

    /// <summary>When the cache replaces this token.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>When Zoom stops accepting this token.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Regional API host (<c>api_url</c>), e.g. <c>https://api-eu.zoom.us</c>.</summary>
    public Uri? ApiUrl { get; }

    /// <summary>Granted scopes (space-separated), when reported.</summary>
    public string? Scope { get; }

    /// <inheritdoc />
    public override string ToString() => $"ZoomAccessToken {{ Value = {ZoomRedaction.Redacted}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>Supplies bearer tokens to <see cref="ZoomAuthenticationHandler"/>.</summary>
public interface IZoomAccessTokenProvider
{
    /// <summary>Returns a token that is valid now; may share one in-flight fetch between callers.</summary>
    ValueTask<ZoomAccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Tells the provider Zoom rejected <paramref name="rejected"/> (HTTP 401). Only that token is dropped, so
    /// many concurrent 401s for the same token cause one refresh, not a storm.
    /// </summary>
    void Invalidate(ZoomAccessToken rejected);
}

/// <summary>A fixed token supplied by the caller (tests, or apps that manage tokens themselves).</summary>
public sealed class StaticAccessTokenProvider : IZoomAccessTokenProvider
{
    private readonly ZoomAccessToken _token;

    /// <summary>Wraps <paramref name="accessToken"/>; it is never refreshed.</summary>
    public StaticAccessTokenProvider(string accessToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        _token = new ZoomAccessToken(accessToken, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);
    }

    /// <inheritdoc />
    public ValueTask<ZoomAccessToken> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public void Invalidate(ZoomAccessToken rejected)
    {
        // Nothing to refresh: the 401 reaches the caller, who owns the token.
    }
}
