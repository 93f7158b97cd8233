using Craftsman.Contracts.Marking;

namespace Craftsman.Contracts.Contests;

[GenerateSerializer, Immutable, Alias("craftsman.CriterionProgress")]
public sealed record CriterionProgress(
    [property: Id(0)] string CriterionId,
    [property: Id(1)] int MarkCount,
    [property: Id(2)] bool IsFinal,
    [property: Id(3)] CriterionFlag Flag);
