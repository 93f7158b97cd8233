using System.Collections.Immutable;
using Craftsman.Contracts.People;
using Craftsman.Gateway.Cluster;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Auth;

namespace Craftsman.Gateway.Api;

public static class EditionEndpoints
{
    public static IEndpointRouteBuilder MapEditionEndpoints(this IEndpointRouteBuilder app)
    {
        var editions = app.MapGroup("/api/editions/{editionId}").WithTags("Editions");

        editions.MapGet("", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is { } document
                ? Results.Ok(document.Edition)
                : Problems.EditionNotFound(editionId));

        editions.MapPost("/import", async (string editionId, EditionDocument document, ClusterAccess cluster, EditionDirectory directory) =>
        {
            var result = await cluster.Grains.GetGrain<IEditionGrain>(editionId).Import(document);
            if (result.Imported)
                directory.Imported(editionId);
            return result.Imported
                ? Results.Ok(result)
                : Problems.Invalid("The edition was not imported; nothing was changed.", "EditionInvalid",
                    new Dictionary<string, object?> { ["errors"] = result.Errors });
        }).RequireAuthorization(Roles.OrganiserPolicy);

        editions.MapGet("/judges", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is { } document
                ? Results.Ok(document.Judges)
                : Problems.EditionNotFound(editionId)).RequireAuthorization(Roles.OrganiserPolicy);

        editions.MapGet("/officials", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is { } document
                ? Results.Ok(document.Officials.IsDefault ? ImmutableArray<Official>.Empty : document.Officials)
                : Problems.EditionNotFound(editionId)).RequireAuthorization(Roles.OrganiserPolicy);

        editions.MapGet("/occupations", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is { } document
                ? Results.Ok(document.Occupations)
                : Problems.EditionNotFound(editionId));

        editions.MapGet("/contestants", async (string editionId, ClusterAccess cluster) =>
            await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is { } document
                ? Results.Ok(document.Contestants)
                : Problems.EditionNotFound(editionId));

        editions.MapGet("/contestants/{contestantId}/scoresheet", async (string editionId, string contestantId, ClusterAccess cluster) =>
        {
            if (await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument() is not { } document)
                return Problems.EditionNotFound(editionId);
            if (!document.Contestants.Any(c => c.Id == contestantId))
                return Problems.NotFound($"Contestant '{contestantId}' is not in edition '{editionId}'.");
            return Results.Ok(await cluster.Grains.GetGrain<IContestantGrain>(GrainKeys.Contestant(editionId, contestantId)).GetScoresheet());
        }).RequireAuthorization(Roles.OrganiserPolicy);

        editions.MapGet("/overview", async (string editionId, ClusterAccess cluster) =>
        {
            var edition = cluster.Grains.GetGrain<IEditionGrain>(editionId);
            return await edition.GetDocument() is null
                ? Problems.EditionNotFound(editionId)
                : Results.Ok(await edition.GetOverview());
        });

        return app;
    }
}
