using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Contracts.Stages;

/// <summary>
/// An occupation's result over its stages. <see cref="Settled"/>: every weighted stage is signed
/// off (or later), so the composite and the arena outcome are no longer provisional. For an
/// occupation without stages it is its one round's board.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.OccupationResults")]
public sealed record OccupationResults(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] ImmutableArray<StageView> Stages,
    [property: Id(2)] ImmutableArray<CompositeLine> Composite,
    [property: Id(3)] ArenaResult Arena,
    [property: Id(4)] bool Settled);
