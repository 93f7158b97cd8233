using Craftsman.Contracts.Input;
using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Refusals;

namespace Craftsman.Gateway.Live;

/// <summary>
/// Turns what a client asked for into a contest that exists, or a hub refusal it can show. An id
/// outside the id character set or an edition never imported is refused from the edition
/// directory, without waking a grain for it.
/// </summary>
public static class ContestKeys
{
    public static async Task<ContestKey> Resolve(IGrainFactory grains, EditionDirectory editions, string editionId, string occupationCode)
    {
        var occupations = await Occupations(grains, editions, editionId);
        // An occupation's code, or a stage's round code ("lift-repair~selection").
        if (!InputRules.IsRoundCode(occupationCode) || !StageKey.Exists(occupations, occupationCode))
            throw HubRefusal.Exception("NotFound", $"Occupation '{Printable(occupationCode)}' is not in edition '{editionId}'.", ("occupation", Printable(occupationCode)));
        return new ContestKey(editionId, occupationCode);
    }

    public static async Task<IReadOnlyList<ContestKey>> All(IGrainFactory grains, EditionDirectory editions, string editionId)
    {
        var occupations = await Occupations(grains, editions, editionId);
        return [.. occupations.Select(o => new ContestKey(editionId, o.Code))];
    }

    private static async Task<System.Collections.Immutable.ImmutableArray<Occupation>> Occupations(IGrainFactory grains, EditionDirectory editions, string editionId)
    {
        if (!InputRules.IsId(editionId))
            throw HubRefusal.Exception("InvalidId", $"editionId: an id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}) is required.", ("field", "editionId"));
        var occupations = await editions.Exists(editionId) ? await grains.GetGrain<IEditionGrain>(editionId).GetOccupations() : [];
        if (occupations.IsDefaultOrEmpty)
            throw HubRefusal.Exception("EditionNotFound", $"Edition '{editionId}' has not been imported.", ("editionId", editionId));
        return occupations;
    }

    private static string Printable(string? id) => id is null ? "" : InputRules.IsRoundCode(id) ? id : "?";
}
