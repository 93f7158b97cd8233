using System.Collections.Immutable;

namespace Craftsman.Contracts.Marking;

[GenerateSerializer, Immutable, Alias("craftsman.MarkingScheme")]
public sealed record MarkingScheme(
    [property: Id(0)] string Id,
    [property: Id(1)] ImmutableArray<MarkingModule> Modules)
{
    public IEnumerable<Criterion> Criteria => Modules.SelectMany(m => m.Criteria);

    public Criterion? FindCriterion(string criterionId) =>
        Criteria.FirstOrDefault(c => c.Id == criterionId);
}
