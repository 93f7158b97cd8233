using Craftsman.Contracts.Contestants;

namespace Craftsman.Contracts.Contests;

/// <summary>
/// What a contest tells every subscribed gateway after a change: the new leaderboard and, when a
/// mark caused it, that contestant's scoresheet. Gateways decide what each audience may see.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestUpdate")]
public sealed record ContestUpdate(
    [property: Id(0)] Leaderboard Board,
    [property: Id(1)] Scoresheet? Changed);
