namespace Craftsman.Contracts.People;

[GenerateSerializer, Immutable, Alias("craftsman.Judge")]
public sealed record Judge(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Occupation,
    [property: Id(3)] JudgeRole Role);
