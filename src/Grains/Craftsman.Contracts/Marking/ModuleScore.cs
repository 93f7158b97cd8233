namespace Craftsman.Contracts.Marking;

[GenerateSerializer, Immutable, Alias("craftsman.ModuleScore")]
public sealed record ModuleScore(
    [property: Id(0)] string ModuleId,
    [property: Id(1)] decimal Score,
    [property: Id(2)] decimal Max);
