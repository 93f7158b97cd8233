namespace Craftsman.Contracts.Marking;

/// <summary>A judge's replacement of their own earlier mark; kept for ever in the contestant's history.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkCorrection")]
public sealed record MarkCorrection(
    [property: Id(0)] string JudgeId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] decimal PreviousValue,
    [property: Id(3)] decimal NewValue,
    [property: Id(4)] DateTimeOffset CorrectedAt,
    [property: Id(5)] string IdempotencyKey);
