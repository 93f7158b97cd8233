using System.Collections.Immutable;

namespace Craftsman.Contracts.Contests;

/// <summary>An occupation's standings at one version; the version grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Leaderboard")]
public sealed record Leaderboard(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] long Version,
    [property: Id(2)] RoundPhase Phase,
    [property: Id(3)] ImmutableArray<Standing> Standings,
    [property: Id(4)] ArenaResult Arena,
    [property: Id(5)] DateTimeOffset UpdatedAt);
