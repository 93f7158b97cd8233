using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Round;

/// <summary>What the contest keeps of each contestant's scoresheet to rank them.</summary>
public sealed record ContestantScore(
    decimal Composite,
    ImmutableArray<ModuleScore> Modules,
    int MarkCount,
    ImmutableArray<FlaggedCriterion> Flagged)
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

public sealed record FlaggedCriterion(string CriterionId, CriterionFlag Flag);
