using System.Collections.Immutable;
using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// Judgement criteria (DESIGN.md §2): with 5 or more marks drop one highest and one lowest and
/// average the rest; with 3 or 4 average all; fewer than 3 give a provisional mean that cannot be
/// final. A spread (max − min, before dropping) above the tolerance flags the criterion.
/// </summary>
public static class JudgementAggregator
{
    public const int MinimumForFinal = 3;
    public const int MinimumForTrimming = 5;

    public static CriterionAggregate Aggregate(Criterion criterion, IReadOnlyCollection<Mark> marks)
    {
        if (marks.Count == 0)
            return new CriterionAggregate(criterion.Id, CriterionKind.Judgement, null, 0, false, CriterionFlag.None, null, []);

        // Order by value, then by entry sequence, so which judge's mark is dropped is reproducible.
        var ordered = marks.OrderBy(m => m.Value).ThenBy(m => m.Sequence).ToList();
        var spread = ordered[^1].Value - ordered[0].Value;
        var flag = criterion.Tolerance is { } tolerance && spread > tolerance
            ? CriterionFlag.SpreadExceedsTolerance
            : CriterionFlag.None;

        var dropped = ImmutableArray<string>.Empty;
        var counted = ordered;
        if (ordered.Count >= MinimumForTrimming)
        {
            dropped = [ordered[0].JudgeId, ordered[^1].JudgeId];
            counted = ordered.GetRange(1, ordered.Count - 2);
        }

        var value = counted.Sum(m => m.Value) / counted.Count;
        var isFinal = marks.Count >= MinimumForFinal && flag == CriterionFlag.None;
        return new CriterionAggregate(criterion.Id, CriterionKind.Judgement, value, marks.Count, isFinal, flag, spread, dropped);
    }
}
