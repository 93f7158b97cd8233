namespace Craftsman.Contracts.Contests;

/// <summary>One occupation's line in the edition overview.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestSummary")]
public sealed record ContestSummary(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] RoundPhase Phase,
    [property: Id(2)] long Version,
    [property: Id(3)] int ContestantCount,
    [property: Id(4)] Standing? Leader,
    [property: Id(5)] ArenaResult Arena);
