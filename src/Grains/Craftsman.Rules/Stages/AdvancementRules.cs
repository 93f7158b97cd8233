using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Stages;

/// <summary>
/// Who goes on from a stage: the top N of those ranked (not absent, not unranked), and everyone
/// tied with the N-th, as Chinese competition rules want. Ties are read on the composite as
/// published (2 places): two contestants shown with the same score are treated alike, and the
/// module tie-breaks that order a board do not cut anyone off.
/// </summary>
public static class AdvancementRules
{
    public static ImmutableArray<string> Decide(IEnumerable<Standing> standings, int count)
    {
        if (count < 1)
            return [];
        var ranked = standings.Where(s => s.Rank > 0 && s.Absence is null)
            .OrderByDescending(s => ScoreDisplay.Round(s.Composite))
            .ThenBy(s => s.Rank)
            .ThenBy(s => s.ContestantId, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count <= count)
            return [.. ranked.Select(s => s.ContestantId)];
        var cut = ScoreDisplay.Round(ranked[count - 1].Composite);
        return [.. ranked.TakeWhile(s => ScoreDisplay.Round(s.Composite) >= cut).Select(s => s.ContestantId)];
    }
}
