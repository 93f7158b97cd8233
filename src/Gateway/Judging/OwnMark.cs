namespace Craftsman.Gateway.Judging;

/// <summary>One of the signed-in judge's current marks, as their tablet shows it.</summary>
public sealed record OwnMark(string ContestantId, string CriterionId, decimal Value, DateTimeOffset EnteredAt, string IdempotencyKey);
