namespace Craftsman.Grains.Contestants;

/// <summary>
/// A sealed stretch of a contestant's history — corrections and the idempotency keys applied —
/// keyed "{contestant key}#{segment number}". The contestant keeps only the open stretch in its own
/// state, so a mark's write does not grow with the round.
/// </summary>
[Alias("craftsman.IContestantHistoryGrain")]
public interface IContestantHistoryGrain : IGrainWithStringKey
{
    /// <summary>Stores the stretch; storing it again (after the contestant's own write was lost) overwrites it with the same and more.</summary>
    [Alias("Store")]
    Task Store(ContestantHistory history);

    [Alias("History")]
    Task<ContestantHistory> History();
}
