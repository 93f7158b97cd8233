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
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    /// <summary>Identities are shown as draw numbers (a blind round before publication).</summary>
    [Id(6)] public bool Blind { get; init; }

    /// <summary>The public board is frozen: viewers see the standing of the moment of freezing.</summary>
    [Id(7)] public bool Frozen { get; init; }

    /// <summary>While a frozen board is revealed rank by rank, how many lines are still withheld.</summary>
    [Id(8)] public int Withheld { get; init; }
}
