using System.CommandLine;
using RecurringEvents;

// The tutorial's recurring-event flow, end to end. With no --base-url it starts the Zoom Events sandbox in-process on a
// free loopback port, so a fresh clone runs it with nothing else installed; with --base-url it talks to a real account.
var baseUrl = new Option<Uri?>("--base-url")
{
    Description = "Zoom API root (e.g. https://api.zoom.us/v2/). Omit to run against the built-in sandbox.",
};
var tokenUrl = new Option<Uri?>("--token-url")
{
    Description = "OAuth token endpoint (default https://zoom.us/oauth/token when --base-url is given).",
};
var json = new Option<bool>("--json") { Description = "Print one JSON document instead of tables." };
var verbose = new Option<bool>("--verbose") { Description = "Log each HTTP call and show stack traces on failure." };
var faults = new Option<bool>("--faults")
{
    Description = "Sandbox only: inject 429s, a 5xx burst and a dropped ticket POST to show the client riding them out.",
};

var root = new RootCommand("Runs Zoom's recurring event with session-level registration flow with the generated client.")
{
    baseUrl, tokenUrl, json, verbose, faults,
};

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
        ClientSecret: Environment.GetEnvironmentVariable("ZOOM_CLIENT_SECRET"));
    return await SampleRunner.RunAsync(settings, Console.Out, Console.Error, cancellationToken);
});

return await root.Parse(args).InvokeAsync();
