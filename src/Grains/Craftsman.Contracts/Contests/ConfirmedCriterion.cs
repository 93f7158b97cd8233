namespace Craftsman.Contracts.Contests;

/// <summary>A flagged criterion the chief judge confirmed as it stands, with the written reason (ids as the caller may see them).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ConfirmedCriterion")]
public sealed record ConfirmedCriterion(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] string Reason);
