using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;

namespace Craftsman.Gateway.Refusals;

/// <summary>
/// Every refusal is problem details with a stable PascalCase "code", the readable "detail" and,
/// where the refusal names something (a field, a limit, a step), "params", from which a page says
/// it in its own language.
/// </summary>
public static class Refusal
{
    /// <summary>The code of a refusal that did not choose one itself (the framework's 401, 404, 405, 415 …).</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "InvalidRequest",
        StatusCodes.Status401Unauthorized => "SignInRequired",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "NotFound",
        StatusCodes.Status405MethodNotAllowed => "MethodNotAllowed",
        StatusCodes.Status406NotAcceptable => "NotAcceptable",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status411LengthRequired => "LengthRequired",
        StatusCodes.Status413PayloadTooLarge => "PayloadTooLarge",
        StatusCodes.Status415UnsupportedMediaType => "UnsupportedMediaType",
        StatusCodes.Status422UnprocessableEntity => "Invalid",
        StatusCodes.Status429TooManyRequests => "TooManyRequests",
        StatusCodes.Status503ServiceUnavailable => "ServiceUnavailable",
        >= 500 => "InternalError",
        _ => "Refused",
    };

    public static string DetailFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Sign in first: this needs a valid bearer token.",
        StatusCodes.Status403Forbidden => "Your role may not do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this method.",
        StatusCodes.Status415UnsupportedMediaType => "This address takes another content type (JSON: application/json).",
        StatusCodes.Status429TooManyRequests => "Too many requests from this address. Wait a little and try again.",
        >= 500 => "The server failed to answer this request; nothing was changed.",
        _ => "The request was refused.",
    };

    /// <summary>Fills in a code (and a detail) on any problem details the framework writes.</summary>
    public static void Complete(ProblemDetails problem, int status)
    {
        problem.Extensions.TryAdd("code", CodeFor(status));
        problem.Detail ??= DetailFor(status);
    }

    public static async Task Write(HttpContext context, int status, string code, string detail, params (string Name, string Value)[] parameters)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        if (parameters.Length > 0)
            problem.Extensions["params"] = parameters.ToImmutableDictionary(p => p.Name, p => p.Value);
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
