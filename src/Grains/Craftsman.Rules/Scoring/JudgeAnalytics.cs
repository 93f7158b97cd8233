using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Scoring;

/// <summary>Judge analytics for the organiser (see <see cref="JudgeStatistics"/>), over judgement criteria only: measurements have no panel to compare with.</summary>
public static class JudgeAnalytics
{
    public static IReadOnlyList<JudgeStatistics> Compute(string occupationCode, MarkingScheme scheme, IEnumerable<Scoresheet> sheets)
    {
        var samples = new List<(string Judge, decimal Deviation, bool Flagged, bool Dropped)>();
        foreach (var sheet in sheets)
            foreach (var aggregate in sheet.Criteria.Where(c => c.Kind == CriterionKind.Judgement && c.Value is not null))
            {
                var criterion = scheme.FindCriterion(aggregate.CriterionId)!;
                foreach (var mark in sheet.Marks.Where(m => m.CriterionId == aggregate.CriterionId))
                    samples.Add((mark.JudgeId, (mark.Value - aggregate.Value!.Value) * 100m / criterion.Max,
                        aggregate.Flag != CriterionFlag.None, aggregate.DroppedJudgeIds.Contains(mark.JudgeId)));
            }

        return [.. samples.GroupBy(s => s.Judge).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var deviations = g.Select(s => s.Deviation).ToList();
            var mean = deviations.Average();
            var variance = deviations.Sum(d => (d - mean) * (d - mean)) / deviations.Count;
            return new JudgeStatistics(g.Key, occupationCode, deviations.Count, mean, (decimal)Math.Sqrt((double)variance),
                (decimal)g.Count(s => s.Flagged) / g.Count(), (decimal)g.Count(s => s.Dropped) / g.Count());
        })];
    }
}
