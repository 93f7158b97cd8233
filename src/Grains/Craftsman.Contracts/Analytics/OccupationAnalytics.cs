using System.Collections.Immutable;

namespace Craftsman.Contracts.Analytics;

/// <summary>How each judge of one occupation's panel marks (see <see cref="JudgeStatistics"/>).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.OccupationAnalytics")]
public sealed record OccupationAnalytics(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] ImmutableArray<JudgeStatistics> Judges);
