using Craftsman.Contracts.Editions;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// What one judge marks, from its own seeded generator: every contestant × criterion of the
/// occupation in a shuffled order with valid values, then again (each later pass corrects the
/// judge's earlier marks), for as long as the tablet keeps sending.
/// </summary>
public static class MarkingPlan
{
    public static IEnumerable<(string ContestantId, string CriterionId, decimal Value)> For(EditionDocument edition, string occupation, Random random)
    {
        var scheme = edition.MarkingSchemes.Single(s => s.Id == edition.Occupations.Single(o => o.Code == occupation).Scheme);
        var cells = edition.Contestants.Where(c => c.Occupation == occupation)
            .SelectMany(c => scheme.Criteria.Select(k => (Contestant: c.Id, Criterion: k)))
            .ToArray();
        while (true)
        {
            random.Shuffle(cells);
            foreach (var (contestant, criterion) in cells)
                yield return (contestant, criterion.Id, random.Next(0, (int)(criterion.Max / criterion.Step) + 1) * criterion.Step);
        }
    }
}
