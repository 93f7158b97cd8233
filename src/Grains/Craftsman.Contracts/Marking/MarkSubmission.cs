namespace Craftsman.Contracts.Marking;

/// <summary>
/// A judge's mark as sent from the tablet. The idempotency key is chosen by the tablet once per
/// entry, so a resend after a dropped connection is recognised and never counted twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkSubmission")]
public sealed record MarkSubmission(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string JudgeId,
    [property: Id(2)] string ContestantId,
    [property: Id(3)] string CriterionId,
    [property: Id(4)] decimal Value);
