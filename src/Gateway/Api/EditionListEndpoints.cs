using System.Text.RegularExpressions;
using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Cluster;

namespace Craftsman.Gateway.Api;

/// <summary>The editions as a list: which exist, which one is current; the office creates one and marks it current.</summary>
public static partial class EditionListEndpoints
{
    public sealed record CreateEditionRequest(string? Id, LocalizedText? Title, int? Year);

    public static IEndpointRouteBuilder MapEditionListEndpoints(this IEndpointRouteBuilder app)
    {
        var editions = app.MapGroup("/api/editions").WithTags("Editions");

        editions.MapGet("", async (ClusterAccess cluster) => Results.Ok(await Registry(cluster).List()));

        editions.MapPost("", async (CreateEditionRequest request, ClusterAccess cluster) =>
        {
            if (string.IsNullOrWhiteSpace(request.Id) || !EditionId().IsMatch(request.Id))
                return Problems.Invalid("An edition id is 1–40 letters, digits, '-' or '_'.", "InvalidEditionId");
            if (request.Title is not { Zh.Length: > 0, En.Length: > 0 } title)
                return Problems.Invalid("An edition needs a title in Chinese and in English.", "TitleRequired");
            if (request.Year is not { } year || year is < 1900 or > 9999)
                return Problems.Invalid("An edition needs its year (1900–9999).", "YearRequired");
            return await Registry(cluster).Create(new EditionEntry(request.Id, title, year, false))
                ? Results.Created($"/api/editions/{request.Id}", new EditionEntry(request.Id, title, year, false))
                : Problems.Problem(StatusCodes.Status409Conflict, $"Edition '{request.Id}' already exists.", "EditionExists");
        }).RequireAuthorization(Roles.OrganiserPolicy);

        editions.MapPost("/{editionId}/current", async (string editionId, ClusterAccess cluster) =>
            await Registry(cluster).MakeCurrent(editionId)
                ? Results.Ok(await Registry(cluster).List())
                : Problems.NotFound($"Edition '{editionId}' does not exist.")).RequireAuthorization(Roles.OrganiserPolicy);

        return app;
    }

    private static IEditionRegistryGrain Registry(ClusterAccess cluster) =>
        cluster.Grains.GetGrain<IEditionRegistryGrain>(IEditionRegistryGrain.Key);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex EditionId();
}
