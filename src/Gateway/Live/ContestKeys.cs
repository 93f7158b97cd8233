using Craftsman.Contracts.Editions;
using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Live;

/// <summary>Turns what a client asked for into a contest that exists, or a hub error it can show.</summary>
public static class ContestKeys
{
    public static async Task<ContestKey> Resolve(IGrainFactory grains, string editionId, string occupationCode)
    {
        var occupations = await grains.GetGrain<IEditionGrain>(editionId ?? "").GetOccupations();
        // An occupation's code, or a stage's round code ("lift-repair~selection").
        if (occupationCode is null || !StageKey.Exists(occupations, occupationCode))
            throw new HubException($"NotFound: occupation '{occupationCode}' is not in edition '{editionId}'.");
        return new ContestKey(editionId!, occupationCode);
    }

    public static async Task<IReadOnlyList<ContestKey>> All(IGrainFactory grains, string editionId)
    {
        var occupations = await grains.GetGrain<IEditionGrain>(editionId ?? "").GetOccupations();
        if (occupations.IsDefaultOrEmpty)
            throw new HubException($"NotFound: edition '{editionId}' has not been imported.");
        return [.. occupations.Select(o => new ContestKey(editionId!, o.Code))];
    }
}
