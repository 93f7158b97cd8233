using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Stages;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>
/// An occupation's stages: each is a round of its own, reached through the contest endpoints with
/// its round code ("lift-repair~selection"; the main stage keeps the occupation's code). Here:
/// the stages and the composite, and the organiser's advancement of a stage's top N.
/// </summary>
public static class StageEndpoints
{
    public sealed record AdvanceRequest(int? Count);

    /// <summary>One occupation's stages as the public overview lists them: which round is where, nothing about anyone.</summary>
    public sealed record OccupationStages(string OccupationCode, IReadOnlyList<StageLine> Stages);

    public sealed record StageLine(string Id, LocalizedText Name, string RoundCode, RoundPhase Phase);

    public static IEndpointRouteBuilder MapStageEndpoints(this IEndpointRouteBuilder app)
    {
        // Public: every occupation that has stages, each stage's round code and phase (only staged occupations' rounds are asked).
        app.MapGet("/api/editions/{editionId}/stages", async (string editionId, ClusterAccess cluster) =>
        {
            var occupations = await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetOccupations();
            if (occupations.IsDefaultOrEmpty)
                return Problems.EditionNotFound(editionId);
            var staged = occupations.Where(o => !StageKey.StagesOf(o).IsEmpty).ToList();
            var views = await Task.WhenAll(staged.Select(o => Stages(cluster, editionId, o.Code).GetStages()));
            return Results.Ok(staged.Select((o, i) => new OccupationStages(o.Code,
                [.. views[i].Select(s => new StageLine(s.Id, s.Name, s.RoundCode, s.Phase))])).ToList());
        }).WithTags("Stages");

        var occupation = app.MapGroup("/api/editions/{editionId}/occupations/{occupation}").WithTags("Stages");

        // Public: the composite only once settled, since before sign-off it is read from live, partial marks.
        occupation.MapGet("/stages", async (string editionId, string occupation, ClusterAccess cluster) =>
        {
            if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
                return missing;
            var results = await Stages(cluster, editionId, occupation).GetResults();
            return Results.Ok(results.Settled ? results : results with { Composite = [] });
        });

        occupation.MapGet("/stages/composite", async (string editionId, string occupation, ClusterAccess cluster) =>
            await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation)
            ?? Results.Ok(await Stages(cluster, editionId, occupation).GetResults())).RequireAuthorization(Roles.OrganiserPolicy);

        occupation.MapPost("/stages/{stage}/advance", (string editionId, string occupation, string stage, AdvanceRequest? request, ClusterAccess cluster) =>
            Advance(cluster, editionId, occupation, stage, request?.Count, (grain, count) => grain.Advance(stage, count)))
            .RequireAuthorization(Roles.OrganiserPolicy);

        // What the advance above would decide now (the console shows it, ties at the cut-off included, before the organiser confirms).
        occupation.MapGet("/stages/{stage}/advance-preview", (string editionId, string occupation, string stage, int? count, ClusterAccess cluster) =>
            Advance(cluster, editionId, occupation, stage, count, (grain, n) => grain.PreviewAdvance(stage, n)))
            .RequireAuthorization(Roles.OrganiserPolicy);

        return app;
    }

    private static async Task<IResult> Advance(ClusterAccess cluster, string editionId, string occupation, string stage, int? requested,
        Func<IStageGrain, int, Task<AdvanceResult>> decide)
    {
        if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
            return missing;
        var stages = StageKey.StagesOf((await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetOccupations()).First(o => o.Code == occupation));
        var count = requested ?? stages.FirstOrDefault(s => s.Id == stage)?.Advance ?? 0;
        var result = await decide(Stages(cluster, editionId, occupation), count);
        return result.Advancement is { } advancement ? Results.Ok(advancement) : Refused(result.Refusal!);
    }

    private static IStageGrain Stages(ClusterAccess cluster, string editionId, string occupation) =>
        cluster.Grains.GetGrain<IStageGrain>(GrainKeys.Contest(editionId, occupation));

    private static IResult Refused(StageRefusal refusal) =>
        Problems.Problem(refusal.Code switch
        {
            StageRefusalCode.StageNotFound => StatusCodes.Status404NotFound,
            StageRefusalCode.AdvanceCountInvalid => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        }, refusal.Message, refusal.Code.ToString());
}
