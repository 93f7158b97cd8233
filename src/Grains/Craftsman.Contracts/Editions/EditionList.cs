using System.Collections.Immutable;

namespace Craftsman.Contracts.Editions;

/// <summary>The editions in id order, and the current one's id (null while there is none).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionList")]
public sealed record EditionList(
    [property: Id(0)] string? Current,
    [property: Id(1)] ImmutableArray<EditionEntry> Editions);
