using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.People;
using Craftsman.Contracts.Stages;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Stages;

/// <summary>One weighted stage's board as the composite reads it.</summary>
public sealed record WeightedBoard(string StageId, decimal Weight, bool IsMain, IReadOnlyList<Standing> Standings);

/// <summary>
/// The occupation's composite over its stages: Σ weight × the contestant's composite in each
/// weighted stage. Every stage composite is already out of 100 (a scheme's composite is
/// Σ module weight × score / module max × 100), so stages whose criteria have different maxima
/// combine without further scaling. A contestant missing from a weighted stage (not in it, or
/// recorded as not competing) counts 0 there. Who is ranked: the main stage's competitors.
/// Ties go to the higher main-stage composite, then share the rank (1, 1, 3), all compared at the
/// published 2 places.
/// </summary>
public static class CompositeRules
{
    public static ImmutableArray<CompositeLine> Compute(IReadOnlyList<WeightedBoard> boards)
    {
        var main = boards.FirstOrDefault(b => b.IsMain);
        if (main is null)
            return [];
        var competitors = main.Standings.Where(s => s.Rank > 0 && s.Absence is null).ToList();
        var lines = competitors.Select(c =>
        {
            var scores = boards.Select(b => new StageScore(b.StageId, b.Weight, ScoreIn(b, c.ContestantId))).ToImmutableArray();
            return (Line: new CompositeLine(0, c.ContestantId, c.Name, c.Role, scores.Sum(s => s.Weight * s.Composite), scores),
                Main: c.Composite);
        })
            .OrderByDescending(l => ScoreDisplay.Round(l.Line.Composite))
            .ThenByDescending(l => ScoreDisplay.Round(l.Main))
            .ThenBy(l => l.Line.ContestantId, StringComparer.Ordinal)
            .ToList();

        var ranked = new List<CompositeLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var tied = i > 0 && ScoreDisplay.Round(lines[i].Line.Composite) == ScoreDisplay.Round(lines[i - 1].Line.Composite)
                && ScoreDisplay.Round(lines[i].Main) == ScoreDisplay.Round(lines[i - 1].Main);
            ranked.Add(lines[i].Line with { Rank = tied ? ranked[i - 1].Rank : i + 1 });
        }
        return [.. ranked];
    }

    /// <summary>
    /// The arena outcome over the composite, by the one-round rule (<see cref="ArenaRules"/>): a
    /// challenger alone on top took the arena, a seed on top held it; the candidate stands alone at
    /// rank 1 and reaches the qualifying score.
    /// </summary>
    public static ArenaResult Arena(Contracts.Editions.ContestMode mode, IReadOnlyList<CompositeLine> lines, decimal qualifyingScore) =>
        ArenaRules.Decide(mode, [.. lines.Select(l => new Standing(l.Rank, l.ContestantId, l.Name, l.Role, l.Composite, [],
            ResultStatus.SignedOff, MarkCount: 1, HasOpenFlags: false))], qualifyingScore);

    private static decimal ScoreIn(WeightedBoard board, string contestantId) =>
        board.Standings.FirstOrDefault(s => s.ContestantId == contestantId && s.Rank > 0 && s.Absence is null)?.Composite ?? 0m;
}
