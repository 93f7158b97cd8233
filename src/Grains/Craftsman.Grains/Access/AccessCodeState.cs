using System.Collections.Immutable;

namespace Craftsman.Grains.Access;

[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeState")]
public sealed record AccessCodeState
{
    /// <summary>Judge id → the SHA-256 of their current code (hex) and when it was issued or revoked.</summary>
    [Id(0)] public ImmutableDictionary<string, AccessCodeEntry> Codes { get; init; } = ImmutableDictionary<string, AccessCodeEntry>.Empty;
}

[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeEntry")]
public sealed record AccessCodeEntry(
    [property: Id(0)] string CodeHash,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset? RevokedAt);
