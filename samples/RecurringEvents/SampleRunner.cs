using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RecurringEvents.Zoom;
using Spectre.Console;
using ZoomEvents.Runtime;
using ZoomEvents.Sandbox;

namespace RecurringEvents;

/// <summary>Wires the generated client to either the built-in sandbox or a real account, runs the flow, reports.</summary>
internal static class SampleRunner
{
    public static async Task<int> RunAsync(SampleSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SandboxServer? sandbox = null;
        try
        {
            // One description of the client's settings, handed to DI as is (so no field can be forgotten in a copy).
            Action<ZoomEventsOptions> configure;
            if (settings.UsesSandbox)
            {
                if (settings.HasAnyCredential)
                {
                    // Credentials in the environment suggest a real account was meant; say which API this run uses.
                    await error.WriteLineAsync("note: ZOOM_* credentials are set but --base-url is not, so the built-in sandbox is used (add --base-url https://api.zoom.us/v2/ for a real account).");
                }

                sandbox = await SandboxServer.StartAsync(new SandboxOptions { Faults = settings.Faults ? DemoFaults() : new() }, cancellationToken);
                var server = sandbox;
                configure = options =>
                {
                    options.BaseUrl = server.ApiBaseUrl.ToString();
                    options.TokenUrl = server.TokenUrl.ToString();
                    options.AccountId = server.AccountId;
                    options.ClientId = server.ClientId;
                    options.ClientSecret = server.ClientSecret;
                    // The demo faults use one-second Retry-After values; keep the run short.
                    options.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
                };
            }
            else
            {
                configure = options =>
                {
                    options.BaseUrl = settings.BaseUrl!.ToString();
                    options.TokenUrl = (settings.TokenUrl ?? new Uri(ZoomEventsOptions.DefaultTokenUrl)).ToString();
                    options.AccountId = settings.AccountId;
                    options.ClientId = settings.ClientId;
                    options.ClientSecret = settings.ClientSecret;
                };
                var probe = new ZoomEventsOptions();
                configure(probe);
                var problems = probe.GetValidationErrors();
                if (problems.Count > 0)
                {
                    await error.WriteLineAsync(
                        "error: set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET for a real account (" + string.Join("; ", problems) + ")");
                    return SampleCommand.UsageExitCode;
                }
            }

            await using var services = BuildServices(configure, settings.Verbose);
            var zoom = services.GetRequiredService<ZoomEventsClient>();
            // The sandbox replays the tutorial's dates exactly; a real account gets the same schedule from the next first
            // Wednesday on, since Zoom will not schedule an event in the past.
            var firstStart = settings.FirstStart
                ?? (settings.UsesSandbox ? RecurringEventFlow.TutorialFirstStart : RecurringEventFlow.NextFirstWednesday(DateTimeOffset.UtcNow));
            var flow = new RecurringEventFlow(zoom, settings.Json ? TextWriter.Null : output, firstStart);
            var result = await flow.RunAsync(cancellationToken);

            if (settings.Json)
            {
                await output.WriteLineAsync(JsonReport.Render(result));
            }
            else
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
                // Redirected output reports 80 columns; ids and timestamps read better unwrapped.
                console.Profile.Width = Math.Max(console.Profile.Width, 120);
                ConsoleReport.Render(console, result);
                if (sandbox is not null && settings.Faults)
                {
                    var faults = sandbox.FaultCounters;
                    await output.WriteLineAsync(
                        $"sandbox faults ridden out: {faults.RateLimited} x 429, {faults.ServerErrors} x 5xx, {faults.Dropped} dropped connection(s) in {faults.Requests} requests");
                }
            }

            return result.Problems.Count == 0 ? 0 : 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One line for people and scripts; the whole story only when asked for.
            await error.WriteLineAsync("error: " + Describe(exception));
            if (settings.Verbose)
            {
                await error.WriteLineAsync(exception.ToString());
            }

            return 1;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }
        }
    }

    /// <summary>The faults the issue asks the sample to survive: a 429 every third request, a 5xx burst, a dropped ticket POST.</summary>
    internal static SandboxFaults DemoFaults() => new()
    {
        RateLimitEveryNth = 3,
        RetryAfterSeconds = 1,
        ServerErrorBurstLength = 2,
        ServerErrorBurstStartsAt = 5,
        DropConnectionCount = 1,
        DropConnectionMethod = "POST",
        DropConnectionPathSuffix = "/tickets",
    };

    private static ServiceProvider BuildServices(Action<ZoomEventsOptions> configure, bool verbose)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
            // Polly narrates every attempt at Debug; our own handler already logs each request once.
            logging.AddFilter("Polly", LogLevel.Warning);
            if (verbose)
            {
                // Logs go to stderr so --json output on stdout stays one parseable document.
                logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
                logging.AddSimpleConsole(console => console.SingleLine = true);
            }
        });
        services.AddZoomEventsClient(configure);
        return services.BuildServiceProvider();
    }

    private static string Describe(Exception exception) => exception switch
    {
        ZoomApiException api => api.Message,
        HttpRequestException http => $"could not reach Zoom ({http.Message})",
        _ => exception.Message,
    };
}
