using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Grains.Contests;

/// <summary>What the contest keeps of each contestant's scoresheet to rank them.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestantScore")]
public sealed record ContestantScore(
    [property: Id(0)] decimal Composite,
    [property: Id(1)] ImmutableArray<ModuleScore> Modules,
    [property: Id(2)] int MarkCount,
    [property: Id(4)] ImmutableArray<FlaggedCriterion> Flagged)
{
    public static readonly ContestantScore Empty = new(0m, [], 0, []);

    public static ContestantScore From(Scoresheet sheet) =>
        new(sheet.Composite, sheet.Modules, sheet.Marks.Length,
            [.. sheet.Criteria.Where(c => c.Flag != CriterionFlag.None).Select(c => new FlaggedCriterion(c.CriterionId, c.Flag))]);

    // Records compare arrays by reference; scores are equal when their values are.
    public bool SameAs(ContestantScore other) =>
        Composite == other.Composite && MarkCount == other.MarkCount
        && Modules.SequenceEqual(other.Modules) && Flagged.SequenceEqual(other.Flagged);
}

[GenerateSerializer, Immutable, Alias("craftsman.FlaggedCriterion")]
public sealed record FlaggedCriterion([property: Id(0)] string CriterionId, [property: Id(1)] CriterionFlag Flag);
