using Craftsman.Contracts.Editions;

namespace Craftsman.Gateway.Api;

/// <summary>Whether an edition and its occupation exist, answered as the not-found refusal the endpoints share.</summary>
public static class EditionLookup
{
    /// <summary>Null when the occupation is in the edition; otherwise the refusal to answer.</summary>
    public static async Task<IResult?> MissingOccupation(IGrainFactory grains, string editionId, string occupation)
    {
        var occupations = await grains.GetGrain<IEditionGrain>(editionId).GetOccupations();
        return occupations.IsDefaultOrEmpty ? Problems.EditionNotFound(editionId)
            : occupations.Any(o => o.Code == occupation) ? null
            : ContestEndpoints.NoContest(editionId, occupation);
    }

    /// <summary>The edition's occupation codes, or null when it has not been imported.</summary>
    public static async Task<IReadOnlyList<string>?> OccupationCodes(IGrainFactory grains, string editionId)
    {
        var occupations = await grains.GetGrain<IEditionGrain>(editionId).GetOccupations();
        return occupations.IsDefaultOrEmpty ? null : [.. occupations.Select(o => o.Code)];
    }
}
