namespace Craftsman.Contracts.Access;

/// <summary>Whose code it is: the edition, and the judge's or official's id in it.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeHolder")]
public sealed record AccessCodeHolder(
    [property: Id(0)] string EditionId,
    [property: Id(1)] string HolderId);
