namespace Craftsman.Contracts.Access;

[GenerateSerializer, Immutable, Alias("craftsman.IssuedAccessCode")]
public sealed record IssuedAccessCode(
    [property: Id(0)] string JudgeId,
    [property: Id(1)] string Code,
    [property: Id(2)] DateTimeOffset IssuedAt);
