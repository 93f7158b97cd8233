using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>Judge analytics for the organiser: each judge's leniency, spread and flag rate, per occupation and across the edition, as the grains compute them.</summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/editions/{editionId}/judge-analytics", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetJudgeAnalytics() is { } analytics
                ? Results.Ok(analytics)
                : Problems.EditionNotFound(editionId))
            .WithTags("Analytics").RequireAuthorization(Roles.OrganiserPolicy);
        return app;
    }
}
