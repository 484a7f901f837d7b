using ZoomEvents.Sandbox;

// Standalone sandbox: dotnet run --project contracts/ZoomEvents.Sandbox -- --urls http://127.0.0.1:5080
// Settings come from the "Sandbox" configuration section, e.g. --Sandbox:Faults:RateLimitEveryNth=3.
var builder = WebApplication.CreateSlimBuilder(args);

// The sandbox's own one-line request log says enough; ASP.NET Core's per-request chatter only at warning level.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var options = new SandboxOptions();
builder.Configuration.GetSection(SandboxOptions.SectionName).Bind(options);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var app = SandboxApp.Build(builder, options);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var root = app.Urls.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1:5080";

    // The default secret is public knowledge (it is in the README); a configured one is never echoed.
    var secret = options.ClientSecret == SandboxOptions.DefaultClientSecret ? options.ClientSecret : "(configured; not shown)";
    Console.WriteLine($"""
        Zoom Events sandbox listening on {root}
          API base URL : {root}/v2
          Token URL    : {root}/oauth/token
          Account id   : {options.AccountId}
          Client id    : {options.ClientId}
          Client secret: {secret}
          Faults       : {options.Faults}
          Provider states: POST {root}/_pact/provider-states   Reset: POST {root}/_sandbox/reset
        """);
});

await app.RunAsync();
