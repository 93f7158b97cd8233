using Orleans.Concurrency;

namespace Craftsman.Contracts.Contestants;

/// <summary>
/// One contestant's own record, keyed "{editionId}/{contestantId}": what a contestant and the office
/// read about them. A read model of the contests' ledgers, fed after each mark is acknowledged and
/// rebuilt from the contests when it has nothing, never a second copy that could disagree.
/// </summary>
[Alias("craftsman.IContestantGrain")]
public interface IContestantGrain : IGrainWithStringKey
{
    /// <summary>A contest's newest scoresheet of this contestant, at the contest's version.</summary>
    [OneWay, Alias("Observe")]
    Task Observe(string contestKey, long version, Scoresheet sheet);

    [Alias("GetScoresheet")]
    Task<Scoresheet> GetScoresheet();
}
