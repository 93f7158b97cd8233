namespace Craftsman.Contracts.Contests;

/// <summary>The arena outcome and the recommended title candidate (推荐人选), if one is determined.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ArenaResult")]
public sealed record ArenaResult(
    [property: Id(0)] ArenaOutcome Outcome,
    [property: Id(1)] string? TitleCandidateId);
