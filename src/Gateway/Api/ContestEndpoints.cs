using Craftsman.Gateway.Cluster;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using System.Security.Claims;
using Craftsman.Contracts.Marking;
using Craftsman.Gateway.Auth;

namespace Craftsman.Gateway.Api;

public static class ContestEndpoints
{
    public static IEndpointRouteBuilder MapContestEndpoints(this IEndpointRouteBuilder app)
    {
        var contests = app.MapGroup("/api/editions/{editionId}/occupations/{occupation}").WithTags("Contests");

        contests.MapGet("/leaderboard", async (string editionId, string occupation, ClusterAccess cluster) =>
            await Contest(cluster.Grains, editionId, occupation) is { } contest
                ? Results.Ok(await contest.GetLeaderboard())
                : NoContest(editionId, occupation));

        contests.MapGet("/definition", async (string editionId, string occupation, ClusterAccess cluster) =>
            await Contest(cluster.Grains, editionId, occupation) is { } contest
                ? Results.Ok(await contest.GetDefinition())
                : NoContest(editionId, occupation));

        contests.MapPost("/marks", async (string editionId, string occupation, MarkRequest request, ClaimsPrincipal user, ClusterAccess cluster) =>
        {
            if (user.EditionId() != editionId || user.OccupationCode() != occupation)
                return Problems.Problem(StatusCodes.Status403Forbidden, $"You judge {user.OccupationCode()} in edition {user.EditionId()}, not {occupation} in {editionId}.", "WrongOccupation");
            if (MissingField(request) is { } missing)
                return Problems.Problem(StatusCodes.Status400BadRequest, $"The field '{missing}' is required.", nameof(MarkRejectionCode.InvalidSubmission));
            if (await Contest(cluster.Grains, editionId, occupation) is not { } contest)
                return NoContest(editionId, occupation);

            var outcome = await contest.SubmitMark(new MarkSubmission(
                request.IdempotencyKey!, user.JudgeId()!, request.ContestantId!, request.CriterionId!, request.Value!.Value));
            return outcome.Rejection is { } rejection
                ? Problems.Problem(StatusFor(rejection.Code), rejection.Message, rejection.Code.ToString())
                : Results.Ok(outcome);
        }).RequireAuthorization(Roles.PanelPolicy);

        contests.MapPost("/phase", async (string editionId, string occupation, PhaseRequest request, ClusterAccess cluster) =>
        {
            if (request.Phase is not { } target)
                return Problems.Problem(StatusCodes.Status400BadRequest, "The field 'phase' is required.", "InvalidRequest");
            if (await Contest(cluster.Grains, editionId, occupation) is not { } contest)
                return NoContest(editionId, occupation);
            var change = await contest.MoveTo(target);
            return change.Moved
                ? Results.Ok(change)
                : Problems.Problem(StatusCodes.Status409Conflict, change.Error!, "IllegalTransition",
                    new Dictionary<string, object?> { ["phase"] = change.Phase.ToString() });
        }).RequireAuthorization(Roles.OrganiserPolicy);

        return app;
    }

    public static int StatusFor(MarkRejectionCode code) => code switch
    {
        MarkRejectionCode.InvalidSubmission => StatusCodes.Status400BadRequest,
        MarkRejectionCode.JudgeNotOnPanel => StatusCodes.Status403Forbidden,
        MarkRejectionCode.ContestNotSetUp or MarkRejectionCode.RoundNotLive or MarkRejectionCode.IdempotencyKeyReused
            or MarkRejectionCode.MeasurementAlreadyConfirmed => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static async Task<IContestGrain?> Contest(IGrainFactory grains, string editionId, string occupation)
    {
        var document = await grains.GetGrain<IEditionGrain>(editionId).GetDocument();
        return document is not null && document.Occupations.Any(o => o.Code == occupation)
            ? grains.GetGrain<IContestGrain>(GrainKeys.Contest(editionId, occupation))
            : null;
    }

    private static IResult NoContest(string editionId, string occupation) =>
        Problems.NotFound($"Occupation '{occupation}' is not in edition '{editionId}'.");

    private static string? MissingField(MarkRequest r) =>
        string.IsNullOrWhiteSpace(r.IdempotencyKey) ? "idempotencyKey"
        : string.IsNullOrWhiteSpace(r.ContestantId) ? "contestantId"
        : string.IsNullOrWhiteSpace(r.CriterionId) ? "criterionId"
        : r.Value is null ? "value"
        : null;
}
