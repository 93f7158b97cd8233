using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;
using Craftsman.Rules.Scoring;

namespace Craftsman.Gateway.Api;

/// <summary>Judge analytics for the organiser: each judge's leniency, spread and flag rate, per occupation and across the edition.</summary>
public static class AnalyticsEndpoints
{
    public sealed record OccupationAnalytics(string OccupationCode, IReadOnlyList<JudgeStatistics> Judges);

    public sealed record EditionAnalytics(IReadOnlyList<OccupationAnalytics> Occupations, IReadOnlyList<JudgeStatistics> MostLenientFirst);

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/editions/{editionId}/judge-analytics", async (string editionId, ClusterAccess cluster) =>
        {
            if (await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is not { } document)
                return Problems.EditionNotFound(editionId);
            var occupations = await Task.WhenAll(document.Occupations.Select(async o =>
            {
                var contest = cluster.Grains.GetGrain<IContestGrain>(GrainKeys.Contest(editionId, o.Code));
                var scheme = document.MarkingSchemes.Single(s => s.Id == o.Scheme);
                return new OccupationAnalytics(o.Code, JudgeAnalytics.Compute(o.Code, scheme, await contest.GetScoresheets()));
            }));
            var all = occupations.SelectMany(o => o.Judges).OrderByDescending(j => j.Leniency).ToList();
            return Results.Ok(new EditionAnalytics(occupations, all));
        }).WithTags("Analytics").RequireAuthorization(Roles.OrganiserPolicy);
        return app;
    }
}
