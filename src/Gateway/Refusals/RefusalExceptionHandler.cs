using System.Text.Json;
using Craftsman.Gateway.Input;
using Microsoft.AspNetCore.Diagnostics;

namespace Craftsman.Gateway.Refusals;

/// <summary>
/// What a request could not be bound from (bad JSON, a wrong type, a refused number or name)
/// becomes a 400 naming the field; anything else unexpected a 500 with a code, logged.
/// </summary>
public sealed class RefusalExceptionHandler(ILogger<RefusalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
            return false;
        if (Find<InputRefusedException>(exception) is { } refused)
        {
            var field = Field(refused.Path);
            await Refusal.Write(context, StatusCodes.Status400BadRequest, refused.Code, $"{field}: {refused.Message}",
                [("field", field), .. refused.Parameters.Select(p => (p.Key, p.Value))]);
            return true;
        }
        if (Find<JsonException>(exception) is { } json)
        {
            var field = Field(json.Path);
            await Refusal.Write(context, StatusCodes.Status400BadRequest, "InvalidJson",
                $"The body is not the JSON this address takes (at {field}): {Clean(json.Message)}", ("field", field));
            return true;
        }
        if (Find<BadHttpRequestException>(exception) is { } bad)
        {
            var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
            var code = status == StatusCodes.Status400BadRequest ? "InvalidRequest" : Refusal.CodeFor(status);
            await Refusal.Write(context, status, code, Clean(bad.Message));
            return true;
        }
        logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        await Refusal.Write(context, StatusCodes.Status500InternalServerError, "InternalError", Refusal.DetailFor(500));
        return true;
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found)
                return found;
        return null;
    }

    /// <summary>"$.value" → "value"; the body itself → "body".</summary>
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The framework's messages name .NET types and line numbers; keep the first sentence.</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.Length <= 300 ? text : text[..297] + "…";
    }
}
