using System.Text.Json.Nodes;

namespace ZoomEvents.Sandbox.Infrastructure;

/// <summary>One entry of Zoom's validation <c>errors</c> array.</summary>
internal sealed record FieldError(string Field, string Message);

/// <summary>
/// A Zoom-shaped error response raised from anywhere in a handler; <see cref="ZoomErrorMiddleware"/> writes it as
/// <c>{code, message, errors?}</c>. Throwing keeps handlers linear while guaranteeing one body format.
/// </summary>
internal sealed class ZoomProblem(int status, int code, string message, IReadOnlyList<FieldError>? errors = null) : Exception(message)
{
    public const int ValidationCode = 300;
    public const string ValidationMessage = "Validation Failed.";

    public int Status { get; } = status;

    public int Code { get; } = code;

    public IReadOnlyList<FieldError>? Errors { get; } = errors;

    public static ZoomProblem Validation(IReadOnlyList<FieldError> errors) => new(400, ValidationCode, ValidationMessage, errors);

    public static ZoomProblem Validation(string field, string message) => Validation([new FieldError(field, message)]);

    public static ZoomProblem EventNotFound() => new(404, 2002, "Event not found.");

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Errors is { Count: > 0 })
        {
            body["errors"] = new JsonArray(Errors.Select(e => (JsonNode)new JsonObject { ["field"] = e.Field, ["message"] = e.Message }).ToArray());
        }

        return body;
    }
}
