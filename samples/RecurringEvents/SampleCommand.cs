using System.CommandLine;
using System.CommandLine.Parsing;

namespace RecurringEvents;

/// <summary>The sample's command line: options, their parsing, and the action that runs the flow.</summary>
internal static class SampleCommand
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var baseUrl = new Option<Uri?>("--base-url")
        {
            Description = "Zoom API root (e.g. https://api.zoom.us/v2/). Omit to run against the built-in sandbox.",
            CustomParser = result => AsDirectory(ParseHttpUrl(result)),
        };
        var tokenUrl = new Option<Uri?>("--token-url")
        {
            Description = "OAuth token endpoint (default https://zoom.us/oauth/token when --base-url is given).",
            CustomParser = ParseHttpUrl,
        };
        var firstStart = new Option<DateTimeOffset?>("--first-start")
        {
            Description = "UTC start of the first session, e.g. 2026-01-07T13:00:00Z (default: the tutorial's date against the " +
                "sandbox, the next first Wednesday 08:00 America/Indianapolis against a real account).",
            CustomParser = ParseUtc,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
        var verbose = new Option<bool>("--verbose") { Description = "Log each HTTP call (to stderr) and show stack traces on failure." };
        var faults = new Option<bool>("--faults")
        {
            Description = "Sandbox only: inject 429s, a 5xx burst and a dropped ticket POST to show the client riding them out.",
        };

        var root = new RootCommand("Runs Zoom's recurring event with session-level registration flow with the generated client.")
        {
            baseUrl, tokenUrl, firstStart, json, verbose, faults,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(faults) && result.GetValue(baseUrl) is not null)
            {
                result.AddError("--faults injects faults into the built-in sandbox; it cannot be combined with --base-url.");
            }
        });

        root.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new SampleSettings(
                BaseUrl: parse.GetValue(baseUrl),
                TokenUrl: parse.GetValue(tokenUrl),
                Json: parse.GetValue(json),
                Verbose: parse.GetValue(verbose),
                Faults: parse.GetValue(faults),
                AccountId: Environment.GetEnvironmentVariable("ZOOM_ACCOUNT_ID"),
                ClientId: Environment.GetEnvironmentVariable("ZOOM_CLIENT_ID"),
                ClientSecret: Environment.GetEnvironmentVariable("ZOOM_CLIENT_SECRET"),
                FirstStart: parse.GetValue(firstStart));
            return await SampleRunner.RunAsync(settings, output, error, cancellationToken);
        });
        return root;
    }

    // System.CommandLine has no built-in Uri conversion; accept absolute http(s) URLs and say what is wrong otherwise.
    private static Uri? ParseHttpUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"'{text}' is not an absolute http or https URL.");
        return null;
    }

    // Zoom takes instants in UTC only (yyyy-MM-ddTHH:mm:ssZ); refuse offsets rather than convert them silently.
    private static DateTimeOffset? ParseUtc(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a UTC time like 2026-01-07T13:00:00Z.");
        return null;
    }

    // The API root is a directory: relative request paths resolve under it only with a trailing slash.
    internal static Uri? AsDirectory(Uri? url) =>
        url is null || url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
