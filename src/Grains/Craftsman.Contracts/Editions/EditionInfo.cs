namespace Craftsman.Contracts.Editions;

/// <summary>The settings of one edition (届) of the challenge.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionInfo")]
public sealed record EditionInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] int Year,
    [property: Id(3)] int AppealWindowMinutes,
    [property: Id(4)] decimal QualifyingScore);
