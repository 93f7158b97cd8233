using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// The arena outcome of a ranked occupation: a challenger alone at rank 1 has taken the arena
/// (攻擂成功); a seed at rank 1 has held it (守擂成功). The title candidate must reach the edition's
/// qualifying score and stand alone at rank 1; a shared first place names no candidate, since the
/// organiser has to decide it.
/// </summary>
public static class ArenaRules
{
    public static ArenaResult Decide(ContestMode mode, IReadOnlyList<Standing> standings, decimal qualifyingScore)
    {
        if (mode == ContestMode.Review)
            return new ArenaResult(ArenaOutcome.NotApplicable, Candidate(standings, qualifyingScore));
        if (standings.Count == 0 || standings.All(s => s.MarkCount == 0))
            return new ArenaResult(ArenaOutcome.Pending, null);

        var top = standings.Where(s => s.Rank == 1).ToList();
        if (top[0].Composite < qualifyingScore)
            return new ArenaResult(ArenaOutcome.NotQualified, null);

        var outcome = top.Any(s => s.Role == ContestantRole.Seed) ? ArenaOutcome.SeedHeld : ArenaOutcome.ChallengerTook;
        return new ArenaResult(outcome, Candidate(standings, qualifyingScore));
    }

    private static string? Candidate(IReadOnlyList<Standing> standings, decimal qualifyingScore)
    {
        var top = standings.Where(s => s.Rank == 1 && s.MarkCount > 0).ToList();
        return top.Count == 1 && top[0].Composite >= qualifyingScore ? top[0].ContestantId : null;
    }
}
