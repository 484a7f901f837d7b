namespace ZoomEvents.Runtime;

/// <summary>
/// Settings for a Zoom Events client. Bindable from configuration (section <c>ZoomEvents</c>); either the
/// three Server-to-Server OAuth credentials or a static <see cref="AccessToken"/> must be set.
/// <see cref="ToString"/> never prints the secret or the token.
/// </summary>
public sealed class ZoomEventsOptions
{
    /// <summary>The configuration section read by default.</summary>
    public const string SectionName = "ZoomEvents";

    /// <summary>Default API base address (always reachable, whatever the account's region).</summary>
    public const string DefaultBaseUrl = "https://api.zoom.us/v2/";

    /// <summary>Default Server-to-Server OAuth token endpoint.</summary>
    public const string DefaultTokenUrl = "https://zoom.us/oauth/token";

    /// <summary>Server-to-Server OAuth app's Account ID.</summary>
    public string? AccountId { get; set; }

    /// <summary>Server-to-Server OAuth app's Client ID.</summary>
    public string? ClientId { get; set; }

    /// <summary>Server-to-Server OAuth app's Client Secret. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// A token managed by the caller (or a test). When set, no token requests are made and the
    /// credentials above are ignored. Never logged.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>API base address; a missing trailing <c>/</c> is added so relative paths resolve under it.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>OAuth token endpoint.</summary>
    public string TokenUrl { get; set; } = DefaultTokenUrl;

    /// <summary>
    /// When true, requests aimed at the host of <see cref="BaseUrl"/> are sent to the regional host the token
    /// response names in <c>api_url</c> (e.g. <c>https://api-eu.zoom.us</c>). Off by default because
    /// <c>api.zoom.us</c> always works and a fixed host is easier to reason about behind proxies.
    /// </summary>
    public bool UseTokenApiUrl { get; set; }

    /// <summary>How long before expiry a cached token is replaced (Zoom tokens live one hour).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt for 429s and (idempotent) transient failures.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Base delay for the jittered back-off used when the server gives no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for inside one call; a longer one fails fast with
    /// <see cref="ZoomRateLimitException"/> so the caller can schedule the work instead of blocking.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Largest response body, in bytes, read into memory (every body is buffered inside the attempt, see
    /// <see cref="Http.ZoomResponseBufferingHandler"/>); default 64 MB. A larger one fails with
    /// <see cref="HttpRequestError.ConfigurationLimitExceeded"/> and is not retried.
    /// </summary>
    public long MaxResponseBufferSize { get; set; } = Http.ZoomResponseBufferingHandler.DefaultMaxBufferSize;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Timeout of a whole call including the wait for an access token, retries and waits. A token that does not arrive
    /// within it ends the call with <see cref="Auth.ZoomTokenUnavailableException"/> (nothing was sent); the API attempts
    /// get only what the token wait left. A 429 whose wait would not end inside what remains of it is
    /// not waited for: the call ends with <see cref="ZoomRateLimitException"/> (carrying the server's Retry-After).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>True when a static token is configured.</summary>
    public bool UsesStaticToken => !string.IsNullOrEmpty(AccessToken);

    /// <summary>Lists every problem with these settings (empty when valid); messages name the setting.</summary>
    public IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (!UsesStaticToken)
        {
            if (string.IsNullOrWhiteSpace(AccountId))
            {
                errors.Add("ZoomEvents:AccountId is required (or set ZoomEvents:AccessToken).");
            }

            if (string.IsNullOrWhiteSpace(ClientId))
            {
                errors.Add("ZoomEvents:ClientId is required (or set ZoomEvents:AccessToken).");
            }

            if (string.IsNullOrWhiteSpace(ClientSecret))
            {
                errors.Add("ZoomEvents:ClientSecret is required (or set ZoomEvents:AccessToken).");
            }

            CheckUrl(TokenUrl, nameof(TokenUrl), errors);
        }

        CheckUrl(BaseUrl, nameof(BaseUrl), errors);
        if (TokenRefreshMargin < TimeSpan.Zero || TokenRefreshMargin >= TimeSpan.FromMinutes(30))
        {
            errors.Add("ZoomEvents:TokenRefreshMargin must be between 0 and 30 minutes (Zoom tokens live 60 minutes).");
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            errors.Add("ZoomEvents:MaxRetryAttempts must be between 0 and 20.");
        }

        if (RetryBaseDelay <= TimeSpan.Zero)
        {
            errors.Add("ZoomEvents:RetryBaseDelay must be positive.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add("ZoomEvents:MaxRetryAfter must not be negative.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            errors.Add("ZoomEvents:AttemptTimeout and ZoomEvents:TotalTimeout must be positive.");
        }

        if (MaxResponseBufferSize is < 1 or > int.MaxValue)
        {
            errors.Add($"ZoomEvents:MaxResponseBufferSize must be between 1 and {int.MaxValue} bytes.");
        }

        return errors;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> listing every problem, if any.</summary>
    public void Validate()
    {
        var errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid Zoom Events client settings: " + string.Join(" ", errors));
        }
    }

    /// <summary><see cref="BaseUrl"/> as an absolute URI that ends with <c>/</c>.</summary>
    public Uri GetBaseAddress() => ToDirectoryUri(BaseUrl, nameof(BaseUrl));

    /// <summary>A copy, so a token provider keeps the settings it was created with.</summary>
    public ZoomEventsOptions Clone() => (ZoomEventsOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() =>
        $"ZoomEventsOptions {{ BaseUrl = {BaseUrl}, TokenUrl = {TokenUrl}, AccountId = {ZoomRedaction.Mask(AccountId)}, " +
        $"ClientId = {ZoomRedaction.Mask(ClientId)}, ClientSecret = {ZoomRedaction.Presence(ClientSecret)}, " +
        $"AccessToken = {ZoomRedaction.Presence(AccessToken)}, UseTokenApiUrl = {UseTokenApiUrl} }}";

    internal static Uri ToDirectoryUri(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"ZoomEvents:{name} must be an absolute http(s) URL, got '{value}'.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static void CheckUrl(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"ZoomEvents:{name} must be an absolute http(s) URL, got '{value}'.");
        }
    }
}
