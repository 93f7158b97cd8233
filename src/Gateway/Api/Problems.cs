namespace Craftsman.Gateway.Api;

/// <summary>Problem-details answers with a machine-readable "code" beside the readable "detail".</summary>
public static class Problems
{
    public static IResult EditionNotFound(string editionId) =>
        Problem(StatusCodes.Status404NotFound, $"Edition '{editionId}' has not been imported.", "EditionNotFound",
            new Dictionary<string, object?> { ["params"] = new Dictionary<string, string> { ["editionId"] = editionId } });

    public static IResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, detail, "NotFound");

    public static IResult Invalid(string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, detail, code, extensions);

    /// <summary>The code of an answer the framework wrote without one (binding, routing, authorisation).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "InvalidRequest",
        StatusCodes.Status401Unauthorized => "SignInRequired",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "NotFound",
        StatusCodes.Status405MethodNotAllowed => "MethodNotAllowed",
        StatusCodes.Status413PayloadTooLarge => "BodyTooLarge",
        StatusCodes.Status415UnsupportedMediaType => "UnsupportedMediaType",
        _ => "Error",
    };

    public static IResult Problem(int status, string detail, string code, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return Results.Problem(detail: detail, statusCode: status, extensions: all);
    }
}
