using System.Collections.Immutable;

namespace Craftsman.Grains.Contests;

/// <summary>
/// The encryption officer's sealed envelopes of one round (commitment → salt and numbers). Kept
/// apart from the ledger, which records only each draw's commitment until publication, and written
/// before the draw's ledger entry, so an entry never names an envelope that is not there.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.SealedDraws")]
public sealed record SealedDraws
{
    [Id(0)] public ImmutableDictionary<string, SealedDraw> Envelopes { get; init; } = ImmutableDictionary<string, SealedDraw>.Empty;
}

[GenerateSerializer, Immutable, Alias("craftsman.SealedDraw")]
public sealed record SealedDraw([property: Id(0)] string Salt, [property: Id(1)] ImmutableDictionary<string, int> Numbers);
