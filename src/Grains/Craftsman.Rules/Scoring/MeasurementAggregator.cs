using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// Measurement criteria (DESIGN.md §2): the first judge's value is the entry, a different judge's
/// value the confirmation. Agreement makes it final; disagreement flags it for the chief judge,
/// and until then the entry stands provisionally.
/// </summary>
public static class MeasurementAggregator
{
    public static CriterionAggregate Aggregate(Criterion criterion, IReadOnlyCollection<Mark> marks)
    {
        if (marks.Count == 0)
            return new CriterionAggregate(criterion.Id, CriterionKind.Measurement, null, 0, false, CriterionFlag.None, null, []);

        var ordered = marks.OrderBy(m => m.Sequence).ToList();
        var entry = ordered[0];
        var confirmation = ordered.Skip(1).FirstOrDefault(m => m.JudgeId != entry.JudgeId);
        if (confirmation is null)
            return new CriterionAggregate(criterion.Id, CriterionKind.Measurement, entry.Value, 1, false, CriterionFlag.None, null, []);

        var agree = confirmation.Value == entry.Value;
        return new CriterionAggregate(
            criterion.Id,
            CriterionKind.Measurement,
            entry.Value,
            2,
            agree,
            agree ? CriterionFlag.None : CriterionFlag.MeasurementDisagreement,
            Math.Abs(confirmation.Value - entry.Value),
            []);
    }
}
