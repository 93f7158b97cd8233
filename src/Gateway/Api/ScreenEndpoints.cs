using Craftsman.Contracts.Screens;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>The office directs the hall's named screens; each screen hears of it through the live hub.</summary>
public static class ScreenEndpoints
{
    public sealed record ShowRequest(ScreenContent? Content, string? OccupationCode, int? IntervalSeconds);

    public static IEndpointRouteBuilder MapScreenEndpoints(this IEndpointRouteBuilder app)
    {
        var screens = app.MapGroup("/api/editions/{editionId}/screens").WithTags("Screens").RequireAuthorization(Roles.OrganiserPolicy);

        screens.MapGet("", async (string editionId, ClusterAccess cluster) =>
            await EditionLookup.OccupationCodes(cluster.Grains, editionId) is null
                ? Problems.EditionNotFound(editionId)
                : Results.Ok(await cluster.Grains.GetGrain<IScreenDirectorGrain>(editionId).GetScreens()));

        screens.MapPut("/{screenName}", async (string editionId, string screenName, ShowRequest r, ClusterAccess cluster) =>
        {
            if (r.Content is not { } content)
                return Problems.Problem(StatusCodes.Status400BadRequest, "The field 'content' is required.", "InvalidRequest");
            if (await EditionLookup.OccupationCodes(cluster.Grains, editionId) is not { } codes)
                return Problems.EditionNotFound(editionId);
            if (!string.IsNullOrWhiteSpace(r.OccupationCode) && !codes.Contains(r.OccupationCode.Trim()))
                return ContestEndpoints.NoContest(editionId, r.OccupationCode);
            var result = await cluster.Grains.GetGrain<IScreenDirectorGrain>(editionId).Direct(screenName, new ScreenShow(content, r.OccupationCode, r.IntervalSeconds));
            return result.Direction is { } direction
                ? Results.Ok(direction)
                : Problems.Problem(result.Refusal!.Code == ScreenRefusalCode.TooManyScreens ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                    result.Refusal.Message, result.Refusal.Code.ToString());
        });

        return app;
    }
}
