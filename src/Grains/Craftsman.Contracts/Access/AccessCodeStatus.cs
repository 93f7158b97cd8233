namespace Craftsman.Contracts.Access;

/// <summary>Whether a judge holds a live code; never the code itself.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeStatus")]
public sealed record AccessCodeStatus(
    [property: Id(0)] string JudgeId,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset? RevokedAt);
