using ZoomEvents.Sandbox.Api;
using ZoomEvents.Sandbox.Infrastructure;
using ZoomEvents.Sandbox.Store;

namespace ZoomEvents.Sandbox;

/// <summary>Wires services, middleware and routes; shared by the standalone program and <see cref="SandboxServer"/>.</summary>
internal static class SandboxApp
{
    public static WebApplication Build(WebApplicationBuilder builder, SandboxOptions options)
    {
        options.Validate();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SandboxStore>();
        builder.Services.AddSingleton<SandboxAuth>();
        builder.Services.AddSingleton(new FaultInjector(options.Faults, options.TimeProvider));
        builder.Services.AddSingleton<SandboxControl>();

        var app = builder.Build();

        // One line per request for people watching a standalone sandbox; never headers or bodies (tokens, secrets).
        var requestLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZoomEvents.Sandbox.Requests");
        app.Use(async (context, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                requestLog.LogInformation(
                    "{Method} {Path} -> {Status} in {Elapsed:0} ms",
                    context.Request.Method,
                    context.Request.Path.Value,
                    context.RequestAborted.IsCancellationRequested ? "aborted" : context.Response.StatusCode,
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        app.UseMiddleware<ZoomErrorMiddleware>();

        var faults = app.Services.GetRequiredService<FaultInjector>();
        var auth = app.Services.GetRequiredService<SandboxAuth>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase),
            api =>
            {
                // Faults first (Zoom's gateway rate-limits before it looks at the token), then authentication.
                api.Use((context, next) => faults.InvokeAsync(context, next));
                api.Use(async (context, next) =>
                {
                    if (auth.Check(context.Request) is { } unauthorized)
                    {
                        await ZoomErrorMiddleware.WriteAsync(context, StatusCodes.Status401Unauthorized, unauthorized);
                        return;
                    }

                    await next(context);
                });
            });

        app.MapPost("/oauth/token", (HttpContext context, SandboxAuth tokens) => tokens.IssueTokenAsync(context));

        var zoomEvents = app.MapGroup("/v2/zoom_events");
        EventsApi.Map(zoomEvents);
        AccessLinksApi.Map(zoomEvents);
        TicketsApi.Map(zoomEvents);
        ControlApi.Map(app);

        app.MapFallback((HttpContext context) => ZoomJson.Write(
            new System.Text.Json.Nodes.JsonObject { ["code"] = 404, ["message"] = $"No sandbox route for {context.Request.Method} {context.Request.Path}." },
            StatusCodes.Status404NotFound));
        return app;
    }
}
