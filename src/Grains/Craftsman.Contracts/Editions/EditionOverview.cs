using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Contracts.Editions;

[GenerateSerializer, Immutable, Alias("craftsman.EditionOverview")]
public sealed record EditionOverview(
    [property: Id(0)] EditionInfo Edition,
    [property: Id(1)] ImmutableArray<ContestSummary> Contests);
