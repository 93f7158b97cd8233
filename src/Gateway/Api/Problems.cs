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

    public static IResult Problem(int status, string detail, string code, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return Results.Problem(detail: detail, statusCode: status, extensions: all);
    }
}
