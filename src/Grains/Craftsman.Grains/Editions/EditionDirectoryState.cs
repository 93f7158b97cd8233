using System.Collections.Immutable;

namespace Craftsman.Grains.Editions;

[GenerateSerializer, Immutable, Alias("craftsman.EditionDirectoryState")]
public sealed record EditionDirectoryState
{
    [Id(0)] public ImmutableSortedSet<string> Editions { get; init; } = [];
}
