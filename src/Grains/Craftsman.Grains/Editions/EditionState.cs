using Craftsman.Contracts.Editions;

namespace Craftsman.Grains.Editions;

[GenerateSerializer, Immutable, Alias("craftsman.EditionState")]
public sealed record EditionState
{
    [Id(0)] public EditionDocument? Document { get; init; }
    [Id(1)] public DateTimeOffset? ImportedAt { get; init; }
}
