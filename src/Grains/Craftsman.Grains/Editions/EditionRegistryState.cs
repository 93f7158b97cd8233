using System.Collections.Immutable;
using Craftsman.Contracts.Editions;

namespace Craftsman.Grains.Editions;

[GenerateSerializer, Immutable, Alias("craftsman.EditionRegistryState")]
public sealed record EditionRegistryState
{
    [Id(0)] public ImmutableSortedDictionary<string, EditionEntry> Editions { get; init; } = ImmutableSortedDictionary<string, EditionEntry>.Empty;
    [Id(1)] public string? Current { get; init; }
}
