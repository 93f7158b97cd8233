using Craftsman.Contracts.Editions;

namespace Craftsman.Gateway.Live;

public readonly record struct ContestKey(string EditionId, string OccupationCode)
{
    public string GrainKey => GrainKeys.Contest(EditionId, OccupationCode);

    public override string ToString() => GrainKey;
}
