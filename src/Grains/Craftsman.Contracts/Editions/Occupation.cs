namespace Craftsman.Contracts.Editions;

/// <summary>An occupation (工种) of the edition; each runs one contest.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Occupation")]
public sealed record Occupation(
    [property: Id(0)] string Code,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] ContestMode Mode,
    [property: Id(3)] string Scheme,
    [property: Id(4)] string? NameSource);
