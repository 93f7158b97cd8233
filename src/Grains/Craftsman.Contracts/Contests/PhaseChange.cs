namespace Craftsman.Contracts.Contests;

/// <summary>The answer to a request to move a round: the phase it is in now, or why it did not move.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.PhaseChange")]
public sealed record PhaseChange(
    [property: Id(0)] bool Moved,
    [property: Id(1)] RoundPhase Phase,
    [property: Id(2)] long Version,
    [property: Id(3)] string? Error);
