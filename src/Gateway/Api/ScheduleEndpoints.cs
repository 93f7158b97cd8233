using Craftsman.Contracts.Schedule;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>The edition's schedule: the organiser sets each stage's time and venue; anyone reads the programme.</summary>
public static class ScheduleEndpoints
{
    public sealed record SlotRequest(DateTimeOffset? Start, DateTimeOffset? End, string? Venue);

    public static IEndpointRouteBuilder MapScheduleEndpoints(this IEndpointRouteBuilder app)
    {
        var schedule = app.MapGroup("/api/editions/{editionId}/schedule").WithTags("Schedule");

        schedule.MapGet("", async (string editionId, ClusterAccess cluster) =>
            await EditionLookup.OccupationCodes(cluster.Grains, editionId) is null
                ? Problems.EditionNotFound(editionId)
                : Results.Ok(await cluster.Grains.GetGrain<IScheduleGrain>(editionId).GetProgramme()));

        schedule.MapPut("/{occupation}/{stage}", async (string editionId, string occupation, string stage, SlotRequest r, ClusterAccess cluster) =>
        {
            if (r.Start is not { } start || r.End is not { } end)
                return Problems.Problem(StatusCodes.Status400BadRequest, $"The field '{(r.Start is null ? "start" : "end")}' is required.", "InvalidRequest");
            if (await EditionLookup.MissingOccupation(cluster.Grains, editionId, occupation) is { } missing)
                return missing;
            var grain = cluster.Grains.GetGrain<IScheduleGrain>(editionId);
            return await grain.SetSlot(new ScheduleSlot(occupation, stage, start, end, r.Venue ?? "")) is { } refusal
                ? Refused(refusal)
                : Results.Ok(await grain.GetSlots());
        }).RequireAuthorization(Roles.OrganiserPolicy);

        schedule.MapDelete("/{occupation}/{stage}", async (string editionId, string occupation, string stage, ClusterAccess cluster) =>
        {
            var grain = cluster.Grains.GetGrain<IScheduleGrain>(editionId);
            return await grain.RemoveSlot(occupation, stage) is { } refusal ? Refused(refusal) : Results.Ok(await grain.GetSlots());
        }).RequireAuthorization(Roles.OrganiserPolicy);

        return app;
    }

    private static IResult Refused(ScheduleRefusal refusal) => Problems.Problem(
        refusal.Code == ScheduleRefusalCode.SlotNotFound ? StatusCodes.Status404NotFound
        : refusal.Code == ScheduleRefusalCode.ScheduleFull ? StatusCodes.Status409Conflict
        : StatusCodes.Status422UnprocessableEntity,
        refusal.Message, refusal.Code.ToString());
}
