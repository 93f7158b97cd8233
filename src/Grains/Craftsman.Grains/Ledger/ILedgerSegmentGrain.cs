using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Grains.Ledger;

/// <summary>
/// A sealed stretch of an occupation's ledger, keyed "{contest key}#{segment number}". The contest
/// keeps only the open stretch in its own state, so a mark's write does not grow with the round.
/// </summary>
[Alias("craftsman.ILedgerSegmentGrain")]
public interface ILedgerSegmentGrain : IGrainWithStringKey
{
    /// <summary>Stores the segment; storing it again (after the contest's own write was lost) overwrites it with the same entries and more.</summary>
    [Alias("Store")]
    Task Store(ImmutableList<LedgerEntry> entries);

    [Alias("Entries")]
    Task<ImmutableList<LedgerEntry>> Entries();
}
