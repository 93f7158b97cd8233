using System.Collections.Immutable;

namespace Craftsman.Contracts.Analytics;

/// <summary>Judge analytics across an edition: per occupation, and every judge most lenient first.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionAnalytics")]
public sealed record EditionAnalytics(
    [property: Id(0)] ImmutableArray<OccupationAnalytics> Occupations,
    [property: Id(1)] ImmutableArray<JudgeStatistics> MostLenientFirst);
