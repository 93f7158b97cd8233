using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Results;
using Craftsman.Documents.Results;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>
/// The edition's results: the recommended list (建议名单), the public notice (公示) and its window,
/// objections (anyone lodges one in the window; names, contacts and texts go to the office only),
/// their resolution and the naming; the list as PDF and XLSX.
/// </summary>
public static class EditionResultsEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record NoticeRequest(DateTimeOffset? Start, DateTimeOffset? End);
    public sealed record ObjectionRequest(string? Name, string? Contact, string? Text, string? Occupation, string? Concerning);
    public sealed record ResolutionRequest(bool? Upheld, string? Reason);

    public static IEndpointRouteBuilder MapEditionResultsEndpoints(this IEndpointRouteBuilder app)
    {
        var edition = app.MapGroup("/api/editions/{editionId}").WithTags("Edition results");

        edition.MapGet("/recommended", async (string editionId, ClusterAccess cluster) =>
            await Imported(cluster, editionId) ?? Results.Ok(await ResultsOf(cluster, editionId).GetRecommended()));

        edition.MapGet("/notice", async (string editionId, ClusterAccess cluster) =>
            await Imported(cluster, editionId) ?? Results.Ok(await ResultsOf(cluster, editionId).GetNotice()));

        edition.MapPut("/notice", async (string editionId, NoticeRequest r, ClusterAccess cluster) =>
        {
            if (r.Start is not { } start || r.End is not { } end)
                return Required(r.Start is null ? "start" : "end");
            if (await Imported(cluster, editionId) is { } missing)
                return missing;
            var results = ResultsOf(cluster, editionId);
            return await results.SetNotice(new NoticeWindow(start, end)) is { } refusal ? Refused(refusal) : Results.Ok(await results.GetNotice());
        }).RequireAuthorization(Roles.OrganiserPolicy);

        edition.MapPost("/objections", async (string editionId, ObjectionRequest r, ClusterAccess cluster) =>
        {
            if (await Imported(cluster, editionId) is { } missing)
                return missing;
            var result = await ResultsOf(cluster, editionId).Lodge(new ObjectionForm(r.Name ?? "", r.Contact ?? "", r.Text ?? "", r.Occupation ?? "", r.Concerning));
            // The objector learns their number only: nothing of anyone else's objection.
            return result.Number is { } number
                ? Results.Created($"/api/editions/{editionId}/objections/{number}", new { number })
                : Refused(result.Refusal!);
        });

        edition.MapGet("/objections", async (string editionId, ClusterAccess cluster) =>
            await Imported(cluster, editionId) ?? Results.Ok(await ResultsOf(cluster, editionId).GetObjections()))
            .RequireAuthorization(Roles.OrganiserPolicy);

        edition.MapPost("/objections/{number:int}/resolution", async (string editionId, int number, ResolutionRequest r, ClusterAccess cluster) =>
        {
            if (r.Upheld is not { } upheld)
                return Required("upheld");
            if (await Imported(cluster, editionId) is { } missing)
                return missing;
            var results = ResultsOf(cluster, editionId);
            return await results.Resolve(number, upheld, r.Reason ?? "") is { } refusal
                ? Refused(refusal)
                : Results.Ok((await results.GetObjections()).First(o => o.Number == number));
        }).RequireAuthorization(Roles.OrganiserPolicy);

        edition.MapPost("/naming", async (string editionId, ClusterAccess cluster) =>
        {
            if (await Imported(cluster, editionId) is { } missing)
                return missing;
            var result = await ResultsOf(cluster, editionId).Name();
            return result.Naming is { } naming ? Results.Ok(naming) : Refused(result.Refusal!);
        }).RequireAuthorization(Roles.OrganiserPolicy);

        edition.MapGet("/recommended.pdf", async (string editionId, ClusterAccess cluster) =>
            await Document(cluster, editionId, (notice, zone) => Results.File(RecommendedListDocuments.Pdf(notice, zone), "application/pdf", $"recommended-{editionId}.pdf")))
            .RequireAuthorization(Roles.OrganiserPolicy);

        edition.MapGet("/recommended.xlsx", async (string editionId, ClusterAccess cluster) =>
            await Document(cluster, editionId, (notice, zone) => Results.File(RecommendedListDocuments.Xlsx(notice, zone), Xlsx, $"recommended-{editionId}.xlsx")))
            .RequireAuthorization(Roles.OrganiserPolicy);

        return app;
    }

    private static async Task<IResult> Document(ClusterAccess cluster, string editionId, Func<PublicNotice, TimeZoneInfo, IResult> write)
    {
        if (await Imported(cluster, editionId) is { } missing)
            return missing;
        var notice = await ResultsOf(cluster, editionId).GetNotice();
        return write(notice, TimeZoneInfo.FindSystemTimeZoneById(notice.List.Edition.TimeZoneOrDefault));
    }

    private static async Task<IResult?> Imported(ClusterAccess cluster, string editionId) =>
        await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is null ? Problems.EditionNotFound(editionId) : null;

    private static IEditionResultsGrain ResultsOf(ClusterAccess cluster, string editionId) =>
        cluster.Grains.GetGrain<IEditionResultsGrain>(editionId);

    private static IResult Refused(ResultsRefusal refusal) =>
        Problems.Problem(refusal.Code switch
        {
            ResultsRefusalCode.ObjectionNotFound => StatusCodes.Status404NotFound,
            ResultsRefusalCode.NoticeTimesInvalid or ResultsRefusalCode.FieldRequired or ResultsRefusalCode.FieldTooLong
                or ResultsRefusalCode.OccupationNotFound => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        }, refusal.Message, refusal.Code.ToString(), refusal.Field is null ? null : new Dictionary<string, object?> { ["field"] = refusal.Field });

    private static IResult Required(string field) =>
        Problems.Problem(StatusCodes.Status400BadRequest, $"The field '{field}' is required.", "InvalidRequest", new Dictionary<string, object?> { ["field"] = field });
}
