namespace ZoomEvents.Sandbox;

/// <summary>
/// Settings of a sandbox instance. Standalone runs bind them from the <c>Sandbox</c> configuration section
/// (for example <c>--Sandbox:ClientSecret=…</c> or <c>Sandbox__Faults__RateLimitEveryNth=3</c>).
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The configuration section standalone runs bind.</summary>
    public const string SectionName = "Sandbox";

    /// <summary>Account id the token endpoint expects in <c>account_id</c>.</summary>
    public string AccountId { get; set; } = "sandbox";

    /// <summary>Client id expected in the token request's Basic credentials.</summary>
    public string ClientId { get; set; } = "sandbox";

    /// <summary>Client secret expected in the token request's Basic credentials.</summary>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>
    /// Bearer tokens accepted without calling <c>/oauth/token</c> and never expiring, for tools that can only send a fixed
    /// header (for example a Pact verifier CLI run with <c>--header "Authorization=Bearer …"</c>). Empty by default.
    /// </summary>
    public List<string> StaticAccessTokens { get; set; } = [];

    /// <summary>How long issued bearer tokens stay valid (Zoom: one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where <see cref="SandboxServer.StartAsync"/> listens; port 0 picks a free port. Loopback only.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Id of the hub every fresh or reset sandbox contains (URL-safe, 22 characters like Zoom's ids).</summary>
    public string SeedHubId { get; set; } = "SandboxHub000000000001";

    /// <summary>Name of the seeded hub.</summary>
    public string SeedHubName { get; set; } = "Sandbox Hub";

    /// <summary>Fault injection applied to <c>/v2/</c> requests; everything is off by default.</summary>
    public SandboxFaults Faults { get; set; } = new();

    /// <summary>Clock used for token expiry, paging-token expiry and upcoming/past filters; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal const string DefaultClientSecret = "sandbox-secret";

    /// <summary>The longest <see cref="TokenLifetime"/> accepted.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>Checks the settings before a server starts, so a bad value fails there and not on the first request.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        // Zero or negative issues tokens that are already expired; a huge one overflowed the expiry time (a 500 per token).
        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > MaxTokenLifetime)
        {
            throw new ArgumentException($"TokenLifetime must be more than zero and at most {MaxTokenLifetime.TotalDays:0} days; got {TokenLifetime}.");
        }

        ArgumentNullException.ThrowIfNull(Faults);
        Faults.Validate();
    }

    /// <summary>Describes the instance without its secret.</summary>
    /// <returns>Account, client id and fault settings.</returns>
    public override string ToString() =>
        $"SandboxOptions {{ AccountId = {AccountId}, ClientId = {ClientId}, ClientSecret = ***, Urls = {Urls}, Faults = {Faults} }}";
}

/// <summary>
/// Fault injection for <c>/v2/</c> requests (the token and control endpoints are never faulted). Requests are numbered
/// from 1 in arrival order; every setting is off at its default.
/// </summary>
public sealed class SandboxFaults
{
    /// <summary>Answer every Nth request with 429 (0 = off).</summary>
    public int RateLimitEveryNth { get; set; }

    /// <summary>Seconds sent in <c>Retry-After</c> with a per-second (QPS) 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Send the 429s as daily-limit responses (<c>X-RateLimit-Type: Daily-limit</c>, <c>Retry-After</c> = next UTC midnight).</summary>
    public bool DailyLimit { get; set; }

    /// <summary>How many consecutive requests a 5xx burst fails (0 = off).</summary>
    public int ServerErrorBurstLength { get; set; }

    /// <summary>Number of the first request of the burst (1-based).</summary>
    public int ServerErrorBurstStartsAt { get; set; } = 1;

    /// <summary>Status code of burst responses (500–599).</summary>
    public int ServerErrorStatusCode { get; set; } = 503;

    /// <summary>The longest <see cref="ResponseDelay"/> accepted; longer is a mistake, not a slow server.</summary>
    public static readonly TimeSpan MaxResponseDelay = TimeSpan.FromHours(1);

    /// <summary>Delay added before every request is handled (0 to <see cref="MaxResponseDelay"/>).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>How many matching requests are processed and then have their connection aborted (0 = off).</summary>
    public int DropConnectionCount { get; set; }

    /// <summary>How many matching requests are let through before dropping starts.</summary>
    public int DropConnectionSkip { get; set; }

    /// <summary>HTTP method a dropped request must have (for example <c>POST</c>); any when empty.</summary>
    public string? DropConnectionMethod { get; set; }

    /// <summary>Text the request path must end with (for example <c>/tickets</c>); any when empty.</summary>
    public string? DropConnectionPathSuffix { get; set; }

    /// <summary>A copy, so a running sandbox never sees a caller's later changes.</summary>
    /// <returns>The copy.</returns>
    public SandboxFaults Clone() => (SandboxFaults)MemberwiseClone();

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (RateLimitEveryNth < 0 || ServerErrorBurstLength < 0 || DropConnectionCount < 0 || DropConnectionSkip < 0 || RetryAfterSeconds < 0)
        {
            throw new ArgumentException("Fault counts and Retry-After seconds must not be negative.");
        }

        if (ServerErrorBurstStartsAt < 1)
        {
            throw new ArgumentException("ServerErrorBurstStartsAt is 1-based.");
        }

        if (ServerErrorStatusCode is < 500 or > 599)
        {
            throw new ArgumentException("ServerErrorStatusCode must be a 5xx status.");
        }

        // The upper bound keeps Task.Delay in range (it refuses ~49.7 days and more, which made every request a 500).
        if (ResponseDelay < TimeSpan.Zero || ResponseDelay > MaxResponseDelay)
        {
            throw new ArgumentException($"ResponseDelay must be between 0 and {MaxResponseDelay}.");
        }
    }

    /// <summary>The active settings in one line.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        $"429 every {RateLimitEveryNth} (Retry-After {RetryAfterSeconds}s{(DailyLimit ? ", daily" : "")}), " +
        $"{ServerErrorBurstLength}x{ServerErrorStatusCode} from #{ServerErrorBurstStartsAt}, delay {ResponseDelay.TotalMilliseconds}ms, " +
        $"drop {DropConnectionCount} (skip {DropConnectionSkip}) {DropConnectionMethod} *{DropConnectionPathSuffix}";
}

/// <summary>What fault injection has done since the faults were last configured or the sandbox was reset.</summary>
/// <param name="Requests">API requests seen.</param>
/// <param name="RateLimited">Requests answered with 429.</param>
/// <param name="ServerErrors">Requests answered with an injected 5xx.</param>
/// <param name="Dropped">Requests processed whose connection was then aborted.</param>
public sealed record SandboxFaultCounters(int Requests, int RateLimited, int ServerErrors, int Dropped);
