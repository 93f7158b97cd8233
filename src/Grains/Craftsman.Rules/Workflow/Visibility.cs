using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.People;
using Craftsman.Rules.Round;

namespace Craftsman.Rules.Workflow;

/// <summary>
/// How identities appear to each audience. In a blind round, until publication, judges and
/// viewers know contestants by draw number only ("D01"); the contest alone holds the mapping.
/// </summary>
public static class Visibility
{
    public static bool Masked(RoundState s) => s.Blind && s.Phase < RoundPhase.Published;

    /// <summary>The name a blind contestant goes by: "D01" (id) / "No. 01" (display).</summary>
    public static string DrawCode(int number) => $"D{number:00}";

    public static string DrawName(int number) => $"No. {number:00}";

    public static string MaskedId(RoundState s, string contestantId) =>
        s.DrawNumbers.TryGetValue(contestantId, out var n) ? DrawCode(n) : "D??";

    /// <summary>The contestant as the panel and the public may name them now: a draw code while masked.</summary>
    public static string PanelId(RoundState s, string contestantId) => Masked(s) ? MaskedId(s, contestantId) : contestantId;

    /// <summary>The real contestant behind a name the ledger or a tablet used: a draw code resolves through the draw.</summary>
    public static string RealId(RoundState s, string reference) =>
        s.DrawNumbers.FirstOrDefault(d => DrawCode(d.Value) == reference).Key ?? reference;

    /// <summary>
    /// The contestant a tablet means. While masked only draw codes are accepted: a tablet that sent
    /// a real id would have learnt it elsewhere, and accepting it would confirm the mapping.
    /// </summary>
    public static string? FromPanel(RoundState s, string reference)
    {
        if (!Masked(s))
            return reference;
        var real = s.DrawNumbers.FirstOrDefault(d => DrawCode(d.Value) == reference).Key;
        return real;
    }

    public static Scoresheet Mask(RoundState s, Scoresheet sheet) =>
        Masked(s) ? sheet with { ContestantId = MaskedId(s, sheet.ContestantId) } : sheet;

    /// <summary>Who has checked in is public, but beside draw numbers a list of names would narrow the mapping down.</summary>
    public static RoundStatus Mask(RoundState s, RoundStatus status) =>
        Masked(s) ? status with { CheckedIn = [.. status.CheckedIn.Select(id => MaskedId(s, id)).Order(StringComparer.Ordinal)] } : status;

    /// <summary>The contest as a judge's tablet sees it: draw numbers, no names or employers, in draw order, in a blind round.</summary>
    public static ContestDefinition Mask(RoundState s, ContestDefinition definition) =>
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

    public static ImmutableArray<OpenFlag> OpenFlags(RoundState s) =>
        [.. s.OpenFlags.Select(f => new OpenFlag(PanelId(s, f.ContestantId), f.Flag.CriterionId, f.Flag.Flag))
            .OrderBy(f => f.ContestantId, StringComparer.Ordinal).ThenBy(f => f.CriterionId, StringComparer.Ordinal)];
}
