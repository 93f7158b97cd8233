namespace Craftsman.Contracts.People;

[GenerateSerializer, Immutable, Alias("craftsman.Contestant")]
public sealed record Contestant(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Employer,
    [property: Id(3)] string Occupation,
    [property: Id(4)] ContestantRole Role);
