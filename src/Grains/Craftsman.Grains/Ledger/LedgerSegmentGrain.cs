using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Grains.Ledger;

public sealed class LedgerSegmentGrain(
    [PersistentState("ledger-segment", StorageNames.Craftsman)] IPersistentState<LedgerSegmentState> state)
    : Grain, ILedgerSegmentGrain
{
    public static string Key(string contestKey, int segment) => $"{contestKey}#{segment}";

    public Task Store(ImmutableList<LedgerEntry> entries) => state.CommitAsync(new LedgerSegmentState { Entries = entries }, GrainContext);

    public Task<ImmutableList<LedgerEntry>> Entries() => Task.FromResult(state.State.Entries);
}
