using System.Collections.Immutable;

namespace Craftsman.Contracts.Contests;

/// <summary>How far one contestant's marking has come, as every judge of the panel may see it: per criterion how many marks, final or flagged, never a value.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestantProgress")]
public sealed record ContestantProgress(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] ImmutableArray<CriterionProgress> Criteria);
