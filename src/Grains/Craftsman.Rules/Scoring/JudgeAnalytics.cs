using Craftsman.Contracts.Analytics;
using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;

namespace Craftsman.Rules.Scoring;

/// <summary>Judge analytics for the organiser (see <see cref="JudgeStatistics"/>): every mark counts; leniency compares judgement marks with their panel.</summary>
public static class JudgeAnalytics
{
    private sealed record Sample(string Judge, CriterionKind Kind, decimal? Deviation, bool Flagged, bool Dropped);

    /// <summary>An edition's analytics: its occupations' as they are, and every judge most lenient first (judges without a judgement mark last).</summary>
    public static EditionAnalytics Across(IEnumerable<OccupationAnalytics> occupations)
    {
        var list = occupations.ToImmutableArray();
        return new EditionAnalytics(list, [.. list.SelectMany(o => o.Judges).OrderByDescending(j => j.Leniency)]);
    }

    public static IReadOnlyList<JudgeStatistics> Compute(string occupationCode, MarkingScheme scheme, IEnumerable<Scoresheet> sheets)
    {
        var samples = new List<Sample>();
        foreach (var sheet in sheets)
        {
            var aggregates = (sheet.Criteria.IsDefault ? [] : sheet.Criteria).ToDictionary(c => c.CriterionId);
            foreach (var mark in sheet.Marks.IsDefault ? [] : sheet.Marks)
            {
                if (scheme.FindCriterion(mark.CriterionId) is not { } criterion)
                    continue;
                var aggregate = aggregates.GetValueOrDefault(mark.CriterionId);
                var deviation = criterion.Kind == CriterionKind.Judgement && aggregate?.Value is { } value
                    ? (mark.Value - value) * 100m / criterion.Max
                    : (decimal?)null;
                samples.Add(new Sample(mark.JudgeId, criterion.Kind, deviation,
                    aggregate is { Flag: not CriterionFlag.None },
                    aggregate is { DroppedJudgeIds.IsDefault: false } && aggregate.DroppedJudgeIds.Contains(mark.JudgeId)));
            }
        }

        return [.. samples.GroupBy(s => s.Judge).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var judgement = g.Where(s => s.Kind == CriterionKind.Judgement).ToList();
            var deviations = judgement.Where(s => s.Deviation is not null).Select(s => s.Deviation!.Value).ToList();
            decimal? mean = deviations.Count == 0 ? null : deviations.Average();
            decimal? spread = mean is { } m ? (decimal)Math.Sqrt((double)(deviations.Sum(d => (d - m) * (d - m)) / deviations.Count)) : null;
            var all = g.Count();
            return new JudgeStatistics(g.Key, occupationCode, all, mean, spread,
                (decimal)g.Count(s => s.Flagged) / all,
                judgement.Count == 0 ? null : (decimal)judgement.Count(s => s.Dropped) / judgement.Count,
                judgement.Count, all - judgement.Count);
        })];
    }
}
