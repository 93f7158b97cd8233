namespace Craftsman.Contracts.Editions;

/// <summary>One edition as the registry lists it: whether its data has been imported yet.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionEntry")]
public sealed record EditionEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] int Year,
    [property: Id(3)] bool Imported);
