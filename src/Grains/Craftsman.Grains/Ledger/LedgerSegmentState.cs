using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Grains.Ledger;

[GenerateSerializer, Immutable, Alias("craftsman.LedgerSegmentState")]
public sealed record LedgerSegmentState
{
    [Id(0)] public ImmutableList<LedgerEntry> Entries { get; init; } = [];
}
