using System.Collections.Immutable;

namespace Craftsman.Contracts.Marking;

/// <summary>
/// One criterion's result for one contestant. <see cref="Value"/> is exact (never rounded);
/// it is provisional while <see cref="IsFinal"/> is false (too few marks, unconfirmed or flagged).
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.CriterionAggregate")]
public sealed record CriterionAggregate(
    [property: Id(0)] string CriterionId,
    [property: Id(1)] CriterionKind Kind,
    [property: Id(2)] decimal? Value,
    [property: Id(3)] int MarkCount,
    [property: Id(4)] bool IsFinal,
    [property: Id(5)] CriterionFlag Flag,
    [property: Id(6)] decimal? Spread,
    [property: Id(7)] ImmutableArray<string> DroppedJudgeIds);
