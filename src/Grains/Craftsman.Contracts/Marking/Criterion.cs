using Craftsman.Contracts.Editions;

namespace Craftsman.Contracts.Marking;

[GenerateSerializer, Immutable, Alias("craftsman.Criterion")]
public sealed record Criterion(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] CriterionKind Kind,
    [property: Id(3)] decimal Max,
    [property: Id(4)] decimal Step,
    [property: Id(5)] decimal? Tolerance);
