using System.Collections.Immutable;
using Craftsman.Contracts.Marking;

namespace Craftsman.Contracts.Contestants;

/// <summary>Everything marked for one contestant: current marks, their aggregates and every correction.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Scoresheet")]
public sealed record Scoresheet(
    [property: Id(0)] string ContestantId,
    [property: Id(1)] ImmutableArray<Mark> Marks,
    [property: Id(2)] ImmutableArray<CriterionAggregate> Criteria,
    [property: Id(3)] ImmutableArray<ModuleScore> Modules,
    [property: Id(4)] decimal Composite,
    [property: Id(5)] ImmutableArray<MarkCorrection> Corrections)
{
    public bool HasOpenFlags => Criteria.Any(c => c.Flag != CriterionFlag.None);
}
