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
    /// The version of the update the contest pushed before this one: a client that holds that
    /// version has missed nothing (one batch of marks can raise the version by more than one).
    /// </summary>
    [Id(3)] public long Follows { get; init; }
}
