namespace Craftsman.Contracts.Contests;

/// <summary>The lifecycle of an occupation's round (DESIGN.md §3); a round only moves one step forward.</summary>
[GenerateSerializer, Alias("craftsman.RoundPhase")]
public enum RoundPhase
{
    Draft = 0,
    CheckIn = 1,
    Live = 2,
    Review = 3,
    SignedOff = 4,
    Published = 5,
    Final = 6,
}
