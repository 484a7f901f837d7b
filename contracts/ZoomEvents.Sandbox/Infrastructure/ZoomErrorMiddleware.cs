using System.Text.Json.Nodes;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>
/// Turns every failure into Zoom's error body. Bad input of any kind (malformed JSON, a body ASP.NET Core refuses, a
/// <see cref="ZoomProblem"/>) is a 400 with code 300 or the rule's own code; only genuine sandbox bugs become 500.
/// </summary>
internal sealed class ZoomErrorMiddleware(RequestDelegate next, ILogger<ZoomErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ZoomProblem problem) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, problem.Status, problem.ToJson()).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var status = ex.StatusCode is >= 400 and < 500 ? ex.StatusCode : 400;
            await WriteAsync(context, status, ZoomProblem.Validation("body", "The request could not be read: " + ex.Message).ToJson()).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled sandbox error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, 500, new JsonObject { ["code"] = 500, ["message"] = "The sandbox failed to handle the request." }).ConfigureAwait(false);
        }
    }

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body, Action<HttpResponse>? headers = null)
    {
        context.Response.Clear();
        headers?.Invoke(context.Response);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(ZoomJson.WriteOptions), context.RequestAborted).ConfigureAwait(false);
    }
}
