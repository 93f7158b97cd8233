using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;

namespace Craftsman.Contracts.Contests;

/// <summary>
/// What a contest tells every subscribed gateway after a change: the live leaderboard (organiser),
/// the public one (frozen, revealing and blind as the round requires) and, when marks caused it,
/// those contestants' scoresheets as the panel may see them (draw numbers in a blind round).
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestUpdate")]
public sealed record ContestUpdate(
    [property: Id(0)] Leaderboard Board,
    [property: Id(1)] ImmutableArray<Scoresheet> Changed,
    [property: Id(2)] Leaderboard PublicBoard)
{
    /// <summary>
    /// The live version of the update the contest sent before this one (0 after an activation or
    /// in a subscription's answer): <see cref="Changed"/> holds every scoresheet changed since
    /// then, so a gateway that received that version has missed nothing.
    /// </summary>
    [Id(3)] public long Follows { get; init; }

    /// <summary>The changed contestants' progress as every judge's tablet may show it (RoundViews decides it, not the gateway).</summary>
    [Id(4)] public ImmutableArray<ContestantProgress> Progress { get; init; } = [];
}
