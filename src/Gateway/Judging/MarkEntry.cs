namespace Craftsman.Gateway.Judging;

/// <summary>A mark as a tablet sends it; the judge is whoever signed in.</summary>
public sealed record MarkEntry(string? Occupation, string? IdempotencyKey, string? ContestantId, string? CriterionId, decimal? Value);
