using System.Collections.Immutable;

namespace Craftsman.Grains.Access;

[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeState")]
public sealed record AccessCodeState
{
    /// <summary>Judge id → the SHA-256 of their current code (hex) and when it was issued or revoked.</summary>
    [Id(0)] public ImmutableDictionary<string, AccessCodeEntry> Codes { get; init; } = ImmutableDictionary<string, AccessCodeEntry>.Empty;

    /// <summary>Raised by every issue and revoke; an issued code takes the new value as its generation.</summary>
    [Id(1)] public long Sequence { get; init; }
}

[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeEntry")]
public sealed record AccessCodeEntry(
    [property: Id(0)] string CodeHash,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset? RevokedAt)
{
    /// <summary>Which issue of the holder's code this is; tokens carry it (codes stored before it existed are 0).</summary>
    [Id(3)] public long Generation { get; init; }
}
