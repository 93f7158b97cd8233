using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.People;
using Craftsman.Grains.Contests;

namespace Craftsman.Grains.Workflow;

/// <summary>
/// What each audience may see of a round. In a blind round, until publication, judges and viewers
/// see draw numbers instead of identities; viewers see a frozen board as it was frozen, and during
/// a bottom-up reveal only the lines revealed so far.
/// </summary>
public static class Visibility
{
    public static bool Masked(ContestState s) => s.Blind && s.Phase < RoundPhase.Published;

    /// <summary>The name a blind contestant goes by: "D01" (id) / "No. 01" (display).</summary>
    public static string DrawCode(int number) => $"D{number:00}";

    public static string DrawName(int number) => $"No. {number:00}";

    public static string MaskedId(ContestState s, string contestantId) =>
        s.DrawNumbers.TryGetValue(contestantId, out var n) ? DrawCode(n) : "D??";

    /// <summary>The real contestant behind what a judge's tablet sent: a draw code in a blind round, else the id.</summary>
    public static string ResolveContestant(ContestState s, string reference) =>
        Masked(s) ? s.DrawNumbers.FirstOrDefault(d => DrawCode(d.Value) == reference).Key ?? reference : reference;

    public static Leaderboard PublicBoard(ContestState s, Leaderboard live)
    {
        if (s.FrozenBoard is { } frozen)
        {
            // The standings stay as frozen, but the version moves on, so clients that drop stale
            // versions still see the freeze and every reveal step.
            if (s.RevealedFromBottom is not { } revealed)
                return frozen with { Version = live.Version, Phase = live.Phase, UpdatedAt = live.UpdatedAt, Frozen = true, Withheld = 0 };
            var shown = Mask(s, live);
            var from = Math.Max(0, shown.Standings.Length - revealed);
            // Who won is the last thing the ceremony reveals: no outcome while places are withheld.
            return shown with
            {
                Standings = shown.Standings[from..],
                Frozen = true,
                Withheld = from,
                Arena = from > 0 ? new ArenaResult(ArenaOutcome.Pending, null) : shown.Arena,
            };
        }
        return Mask(s, live);
    }

    public static Leaderboard Mask(ContestState s, Leaderboard board) =>
        !Masked(s)
            ? board
            : board with
            {
                Blind = true,
                Standings = [.. board.Standings.Select(x => s.DrawNumbers.TryGetValue(x.ContestantId, out var n)
                    ? x with { ContestantId = DrawCode(n), Name = DrawName(n), Role = ContestantRole.Undisclosed }
                    : x with { ContestantId = "D??", Name = "No. ??", Role = ContestantRole.Undisclosed })],
                // Who leads, seed or challenger, would give identities away: the outcome waits for publication.
                Arena = new ArenaResult(ArenaOutcome.Pending, null),
            };

    public static Scoresheet Mask(ContestState s, Scoresheet sheet) =>
        Masked(s) ? sheet with { ContestantId = MaskedId(s, sheet.ContestantId) } : sheet;

    /// <summary>The contest as a judge's tablet sees it: draw numbers, no names or employers, in a blind round.</summary>
    /// <summary>Who has checked in is public, but beside draw numbers a list of names would narrow the mapping down.</summary>
    public static RoundStatus Mask(ContestState s, RoundStatus status) =>
        Masked(s) ? status with { CheckedIn = [.. status.CheckedIn.Select(id => MaskedId(s, id)).Order(StringComparer.Ordinal)] } : status;

    public static ContestDefinition Mask(ContestState s, ContestDefinition definition) =>
        !Masked(s)
            ? definition
            : definition with
            {
                Contestants = [.. definition.Contestants
                    .Select(c => s.DrawNumbers.TryGetValue(c.Id, out var n)
                        ? new Contestant(DrawCode(n), DrawName(n), "", c.Occupation, ContestantRole.Undisclosed)
                        : new Contestant("D??", "No. ??", "", c.Occupation, ContestantRole.Undisclosed))
                    .OrderBy(c => c.Id, StringComparer.Ordinal)],
            };

    public static ImmutableArray<OpenFlag> OpenFlags(ContestState s) =>
        [.. s.OpenFlags.Select(f => new OpenFlag(Masked(s) ? MaskedId(s, f.ContestantId) : f.ContestantId, f.Flag.CriterionId, f.Flag.Flag))];
}
