using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Round;

/// <summary>
/// The one place that decides what each audience sees of a round. The contest's queries answer
/// with these and nothing else, so a gateway can only ask "for whom", never pick a view. In a blind
/// round, until publication, everything but the organiser's status and definition names
/// contestants by draw number and lists them in draw-number order.
/// </summary>
public static class RoundViews
{
    /// <summary>The public board (criteria counted once final, no versions or flags shown by the pages), or the panel's live one.</summary>
    public static Leaderboard Board(RoundState s, Audience audience) =>
        audience.Kind == AudienceKind.Public ? RoundBoards.Public(s) : RoundBoards.Panel(s);

    /// <summary>Real identities for the organiser, who checks people in; everyone else by draw number.</summary>
    public static RoundStatus Status(RoundState s, Audience audience) =>
        audience.Kind == AudienceKind.Organiser ? RoundBoards.Status(s) : Visibility.Mask(s, RoundBoards.Status(s));

    /// <summary>The contest as set up: real for the organiser, the tablets' masked form for everyone else.</summary>
    public static ContestDefinition? Definition(RoundState s, Audience audience) =>
        s.Definition is not { } definition ? null
        : audience.Kind == AudienceKind.Organiser ? definition
        : Visibility.Mask(s, definition);

    /// <summary>
    /// Scoresheets, in draw-number order in a blind round: every judge's marks for the organiser,
    /// the chief judge and the arbitration group; for a judge, their own marks and each criterion's
    /// progress (how many marks, final, flagged) without any value another judge's marks would show
    /// in; none for the public (it reads boards) or the encryption officer (who holds the mapping
    /// and so must not see marks).
    /// </summary>
    public static ImmutableArray<Scoresheet> Scoresheets(RoundState s, Audience audience)
    {
        var sheets = PanelSheets(s);
        return audience.Kind switch
        {
            AudienceKind.Organiser or AudienceKind.ChiefJudge or AudienceKind.Arbitration => [.. sheets],
            AudienceKind.Judge when audience.PersonId is { } judge => [.. sheets.Select(sheet => OwnView(sheet, judge))],
            _ => [],
        };
    }

    /// <summary>Every contestant's marking progress, in draw-number order: for every signed-in audience but the encryption officer.</summary>
    public static ImmutableArray<ContestantProgress> Progress(RoundState s, Audience audience) =>
        audience.Kind is AudienceKind.Public or AudienceKind.EncryptionOfficer
            ? []
            : [.. PanelSheets(s).Select(Progress)];

    /// <summary>
    /// What every subscribed gateway is pushed after a change: the panel's and the public's boards,
    /// the changed contestants' sheets for the chief judge (without their correction history, which
    /// no push shows and which grows with every correction; the chief reads it on request) and their
    /// progress for the judges' tablets.
    /// </summary>
    public static ContestUpdate Push(RoundState s, IEnumerable<string> changedContestants, long follows)
    {
        var changed = changedContestants.Select(id => Visibility.Mask(s, s.Sheets[id]))
            .Select(sheet => sheet.Corrections.IsDefaultOrEmpty ? sheet : sheet with { Corrections = [] })
            .ToImmutableArray();
        return new ContestUpdate(RoundBoards.Panel(s), changed, RoundBoards.Public(s))
        {
            Follows = follows,
            Progress = [.. changed.Select(Progress)],
        };
    }

    /// <summary>Every sheet as the panel names it, in that name's order: draw-number order in a blind round.</summary>
    private static IEnumerable<Scoresheet> PanelSheets(RoundState s) =>
        s.Sheets.Values.Select(sheet => Visibility.Mask(s, sheet)).OrderBy(sheet => sheet.ContestantId, StringComparer.Ordinal);

    private static ContestantProgress Progress(Scoresheet sheet) =>
        new(sheet.ContestantId, [.. (sheet.Criteria.IsDefault ? [] : sheet.Criteria).Select(c => new CriterionProgress(c.CriterionId, c.MarkCount, c.IsFinal, c.Flag))]);

    private static Scoresheet OwnView(Scoresheet sheet, string judgeId) => sheet with
    {
        Marks = [.. (sheet.Marks.IsDefault ? [] : sheet.Marks).Where(m => m.JudgeId == judgeId)],
        Criteria = [.. (sheet.Criteria.IsDefault ? [] : sheet.Criteria).Select(c => c with { Value = null, Spread = null, DroppedJudgeIds = [] })],
        Modules = [],
        Composite = 0m,
        Corrections = [.. (sheet.Corrections.IsDefault ? [] : sheet.Corrections).Where(c => c.JudgeId == judgeId)],
    };
}
