namespace RecurringEvents;

/// <summary>The sample's command line and environment, gathered once.</summary>
internal sealed record SampleSettings(
    Uri? BaseUrl,
    Uri? TokenUrl,
    bool Json,
    bool Verbose,
    bool Faults,
    string? AccountId,
    string? ClientId,
    string? ClientSecret,
    DateTimeOffset? FirstStart = null)
{
    /// <summary>Against the built-in sandbox when no API root is given.</summary>
    public bool UsesSandbox => BaseUrl is null;

    /// <summary>Whether any ZOOM_* credential variable is set (they only matter with --base-url).</summary>
    public bool HasAnyCredential =>
        !string.IsNullOrEmpty(AccountId) || !string.IsNullOrEmpty(ClientId) || !string.IsNullOrEmpty(ClientSecret);

    // A record would print every member, the client secret included; say only whether one is set.
    public override string ToString() =>
        $"SampleSettings {{ BaseUrl = {BaseUrl?.ToString() ?? "(sandbox)"}, TokenUrl = {TokenUrl}, Json = {Json}, " +
        $"Verbose = {Verbose}, Faults = {Faults}, AccountId = {AccountId}, ClientId = {ClientId}, " +
        $"ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(unset)" : "***")}, FirstStart = {FirstStart:O} }}";
}
