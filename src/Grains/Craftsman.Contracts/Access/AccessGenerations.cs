using System.Collections.Immutable;

namespace Craftsman.Contracts.Access;

/// <summary>
/// The live code generation of every holder of an edition (a revoked holder is absent). The
/// sequence grows with every issue and revoke, so a gateway keeps the newest of what it is told.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.AccessGenerations")]
public sealed record AccessGenerations(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ImmutableDictionary<string, long> Current);
