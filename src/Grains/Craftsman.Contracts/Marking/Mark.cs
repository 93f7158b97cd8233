namespace Craftsman.Contracts.Marking;

/// <summary>A judge's current mark for one criterion of one contestant.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Mark")]
public sealed record Mark(
    [property: Id(0)] string JudgeId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] decimal Value,
    [property: Id(3)] long Sequence,
    [property: Id(4)] DateTimeOffset EnteredAt,
    [property: Id(5)] string IdempotencyKey);
