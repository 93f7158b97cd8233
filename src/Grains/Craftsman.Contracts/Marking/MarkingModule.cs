using System.Collections.Immutable;
using Craftsman.Contracts.Editions;

namespace Craftsman.Contracts.Marking;

/// <summary>A weighted part of a scheme (practical, expert review); its maximum is the sum of its criteria's.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkingModule")]
public sealed record MarkingModule(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] decimal Weight,
    [property: Id(3)] ImmutableArray<Criterion> Criteria)
{
    public decimal Max => Criteria.Sum(c => c.Max);
}
