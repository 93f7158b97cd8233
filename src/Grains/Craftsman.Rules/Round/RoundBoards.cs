using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Rules.Scoring;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Round;

/// <summary>
/// The round's boards for each audience, all derived from the round's state:
/// the organiser's (live, real identities), the panel's (live, draw numbers while blind) and the
/// public's (only criteria whose whole panel has marked, draw numbers while blind, frozen or
/// revealing as the ceremony requires, no flags, no outcome before sign-off).
/// </summary>
public static class RoundBoards
{
    public static Leaderboard Live(RoundState s) => Build(s, masked: false, publicView: false);

    public static Leaderboard Panel(RoundState s) => Build(s, masked: Visibility.Masked(s), publicView: false);

    public static Leaderboard Public(RoundState s)
    {
        var fresh = Build(s, masked: Visibility.Masked(s), publicView: true);
        if (s.FrozenBoard is not { } frozen)
            return fresh;
        // The standings stay as frozen, but the version moves on, so clients that drop stale
        // versions still see the freeze and every reveal step.
        if (s.RevealedFromBottom is not { } revealed)
            return frozen with { Version = fresh.Version, Phase = fresh.Phase, UpdatedAt = fresh.UpdatedAt, Frozen = true, Withheld = 0 };
        var from = Math.Max(0, fresh.Standings.Length - revealed);
        // Who won is the last thing the ceremony reveals: no outcome while places are withheld.
        return fresh with
        {
            Standings = fresh.Standings[from..],
            Frozen = true,
            Withheld = from,
            Arena = from > 0 ? new ArenaResult(ArenaOutcome.Pending, null) : fresh.Arena,
        };
    }

    private static Leaderboard Build(RoundState s, bool masked, bool publicView)
    {
        var code = s.Definition?.Occupation.Code ?? s.Key;
        if (s.Definition is not { } definition)
            return new Leaderboard(code, s.Version, s.Phase, [], new ArenaResult(ArenaOutcome.Pending, null), s.UpdatedAt);

        var panelSize = definition.Panel.Count(j => j.Role == JudgeRole.Judge);
        var total = definition.Scheme.Modules.Sum(m => m.Criteria.Length);
        var lines = definition.Contestants.Select(c =>
        {
            var sheet = s.Sheets[c.Id];
            var counted = sheet.Criteria.Where(a => Counts(s, c.Id, a, panelSize, publicView)).ToList();
            var score = publicView ? PublicScore(definition.Scheme, sheet.Criteria, counted) : (sheet.Composite, sheet.Modules);
            var (id, name, role) = masked && s.DrawNumbers.TryGetValue(c.Id, out var n)
                ? (Visibility.DrawCode(n), Visibility.DrawName(n), ContestantRole.Undisclosed)
                : masked ? ("D??", "No. ??", ContestantRole.Undisclosed) : (c.Id, c.Name, c.Role);
            var openFlag = !publicView && s.Scores[c.Id].Flagged.Any(f => !s.Confirmed.ContainsKey(RoundState.CriterionKey(c.Id, f.CriterionId)));
            var marks = publicView ? counted.Count : sheet.Marks.Length;
            return (Entry: new RankingEntry(id, name, role, score.Composite, score.Modules, marks, openFlag), Real: c.Id, Final: counted.Count);
        }).ToList();

        // Those who do not compete, and on the public board those with nothing final yet, are unranked.
        var ranked = lines.Where(l => !s.Absences.ContainsKey(l.Real) && (!publicView || l.Final > 0)).ToList();
        var status = Ranking.StatusFor(s.Phase);
        var standings = Ranking.Rank(ranked.Select(l => l.Entry), s.Phase)
            .Concat(lines.Except(ranked)
                .OrderBy(l => s.Absences.ContainsKey(l.Real))
                .ThenBy(l => l.Entry.ContestantId, StringComparer.Ordinal)
                .Select(l => new Standing(0, l.Entry.ContestantId, l.Entry.Name, l.Entry.Role, l.Entry.Composite, l.Entry.Modules, status, l.Entry.MarkCount, l.Entry.HasOpenFlags)
                {
                    Absence = s.Absences.TryGetValue(l.Real, out var a) ? a.Kind : null,
                }))
            .Select(x => x with
            {
                CriteriaFinal = lines.First(l => l.Entry.ContestantId == x.ContestantId).Final,
                CriteriaTotal = total,
            })
            .ToImmutableArray();

        var arena = ArenaRules.Decide(definition.Occupation.Mode, [.. standings.Where(x => x.Rank > 0)], definition.Edition.QualifyingScore);
        // Outcomes and the recommended candidate wait: for identities while blind, and on public
        // screens for the sign-off, so nobody is announced on partial marks and then taken back.
        if (masked || (publicView && s.Phase < RoundPhase.SignedOff))
            arena = new ArenaResult(ArenaOutcome.Pending, null);
        return new Leaderboard(definition.Occupation.Code, s.Version, s.Phase, standings, arena, s.UpdatedAt) { Blind = masked };
    }

    /// <summary>
    /// Whether a criterion counts: for the panel and organiser, whatever has been marked; for the
    /// public, only once it is final with the whole panel's marks in (or its flag confirmed), so no
    /// single judge's mark shows on its own or can be told from the change it makes.
    /// </summary>
    private static bool Counts(RoundState s, string contestantId, CriterionAggregate a, int panelSize, bool publicView)
    {
        if (!publicView)
            return a.IsFinal;
        var confirmed = s.Confirmed.ContainsKey(RoundState.CriterionKey(contestantId, a.CriterionId));
        var complete = a.Kind == CriterionKind.Measurement ? a.MarkCount >= 2 : a.MarkCount >= panelSize;
        return a.Value is not null && complete && (a.IsFinal || confirmed);
    }

    private static (decimal Composite, ImmutableArray<ModuleScore> Modules) PublicScore(
        MarkingScheme scheme, ImmutableArray<CriterionAggregate> all, List<CriterionAggregate> counted)
    {
        var modules = scheme.Modules.Select(m => new ModuleScore(m.Id,
            counted.Where(a => m.Criteria.Any(c => c.Id == a.CriterionId)).Sum(a => a.Value ?? 0m), m.Max)).ToImmutableArray();
        return (ScoresheetCalculator.Composite(scheme, modules), modules);
    }

    /// <summary>Where the round stands beyond its board, with real identities (the organiser's view).</summary>
    public static RoundStatus Status(RoundState s) => new(
        s.Definition?.Occupation.Code ?? s.Key, s.Phase, s.Version, s.Blind,
        s.DrawNumbers.Count > 0, [.. s.CheckedIn], Visibility.OpenFlags(s),
        [.. s.Reopened.Select(r => (Key: r.Key.Split('|'), Judges: r.Value)).Select(r => new ReopenedCriterion(
            Visibility.PanelId(s, r.Key[0]), r.Key[1], r.Judges))],
        [.. s.RevealApprovals], s.SignedOffBy, s.SignedOffAt, s.FrozenBoard is not null, s.RevealedFromBottom,
        s.ObjectionWindowClosesAt, [.. s.Appeals], s.LedgerEnd.Hash, s.TitleHolderId,
        [.. s.AppealReopened.Select(key => key.Split('|')).Select(k => new AppealedCriterion(k[0], k[1]))])
    {
        NotCompeting = [.. s.Absences.Select(a => new NotCompeting(Visibility.PanelId(s, a.Key), a.Value.Kind, a.Value.Reason))],
        Confirmed = [.. s.Confirmed.Select(c => (Key: c.Key.Split('|'), Reason: c.Value))
            .Select(c => new ConfirmedCriterion(Visibility.PanelId(s, c.Key[0]), c.Key[1], c.Reason))],
    };
}
