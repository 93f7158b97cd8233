namespace Craftsman.Gateway.Api;

/// <summary>A mark as posted to the API by a signed-in judge; every field is required, the judge comes from the token.</summary>
public sealed record MarkRequest(string? IdempotencyKey, string? ContestantId, string? CriterionId, decimal? Value);
