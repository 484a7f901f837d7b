using System.CommandLine;
using System.CommandLine.Parsing;

namespace RecurringEvents;

/// <summary>The sample's command line: options, their parsing, and the action that runs the flow.</summary>
internal static class SampleCommand
{
    /// <summary>Exit code for a command line or environment the sample can't run with (bad or conflicting options, missing credentials).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Parses and runs; every usage error is reported as <c>error: …</c> lines and exits with <see cref="UsageExitCode"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Create(output, error).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync("error: " + problem.Message);
            }

            await error.WriteLineAsync("Run with --help to see the options.");
            return UsageExitCode;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

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

            // The built-in sandbox issues its own tokens, so a token URL alone would be silently ignored. (An invalid one
            // already has its own error; reading its value here would throw, so its text is checked instead.)
            if (result.GetResult(tokenUrl) is { Tokens: [var token] } && TryHttpUrl(token.Value, out _) && result.GetResult(baseUrl) is null)
            {
                result.AddError("--token-url needs --base-url: without it the sample runs against the built-in sandbox and its own token endpoint.");
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
        if (TryHttpUrl(text, out var url))
        {
            return url;
        }

        result.AddError($"'{text}' is not an absolute http or https URL.");
        return null;
    }

    private static bool TryHttpUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

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
