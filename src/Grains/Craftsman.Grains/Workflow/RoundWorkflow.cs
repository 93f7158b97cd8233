using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Grains.Contests;
using Craftsman.Grains.Ledger;
using Craftsman.Grains.Scoring;

namespace Craftsman.Grains.Workflow;

/// <summary>
/// The round's workflow (DESIGN.md §3) as a pure function: a state, who asks, what they ask, and
/// when; the answer is the next state with its ledger entry, or a refusal that changes nothing.
/// The live board is passed in because publishing and finalising record what it shows.
/// </summary>
public static class RoundWorkflow
{
    public static WorkflowResult Apply(ContestState s, Actor actor, ContestCommand command, Leaderboard board, DateTimeOffset now, Func<int, int[]> permutation)
    {
        if (s.Definition is null)
            return WorkflowResult.Refuse("ContestNotSetUp", "This occupation's contest has not been set up.");
        if (RoundPermissions.Check(actor, command) is { } forbidden)
            return WorkflowResult.Refuse("Forbidden", forbidden);
        if (actor.Role == ActorRole.Chief && !s.Definition.Panel.Any(j => j.Id == actor.Id && j.Role == Contracts.People.JudgeRole.Chief))
            return WorkflowResult.Refuse("Forbidden", $"'{actor.Id}' is not the chief judge of {s.Definition.Occupation.Code}.");
        return command switch
        {
            MoveRound m => Move(s, actor, m.Target, board, now),
            SetBlind b => InPhase(s, [RoundPhase.Draft, RoundPhase.CheckIn], command) ?? WorkflowResult.Step(
                s with { Blind = b.Blind, DrawNumbers = b.Blind ? s.DrawNumbers : s.DrawNumbers.Clear() }, LedgerKinds.BlindSet, new { blind = b.Blind }),
            CheckInContestant c => InPhase(s, [RoundPhase.CheckIn], command) ?? CheckIn(s, c.ContestantId),
            DrawNumbers => InPhase(s, [RoundPhase.CheckIn], command) ?? Draw(s, permutation),
            ApproveReveal => InPhase(s, [RoundPhase.SignedOff], command) ?? ApproveRevealBy(s, actor),
            ReopenCriterion r => Reopen(s, r),
            ConfirmCriterion c => Confirm(s, c, board),
            FreezeBoard => InPhase(s, [RoundPhase.Live, RoundPhase.Review, RoundPhase.SignedOff], command)
                ?? (s.FrozenBoard is not null
                    ? WorkflowResult.Refuse("AlreadyFrozen", "The public board is already frozen.")
                    : WorkflowResult.Step(s with { FrozenBoard = Visibility.PublicBoard(s with { FrozenBoard = null }, board), RevealedFromBottom = null }, LedgerKinds.BoardFrozen, new { version = board.Version })),
            RevealBoard r => Reveal(s, r, board),
            FileAppeal a => FileAppealFor(s, actor, a, now),
            RuleAppeal r => Rule(s, actor, r, now),
            _ => WorkflowResult.Refuse("UnknownCommand", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static WorkflowResult Move(ContestState s, Actor actor, RoundPhase target, Leaderboard board, DateTimeOffset now)
    {
        var openFlags = s.OpenFlags.Count();
        if (RoundLifecycle.CheckTransition(s.Phase, target, openFlags, s.ObjectionWindowClosesAt, now) is { } illegal)
            return WorkflowResult.Refuse(openFlags > 0 && s.Phase == RoundPhase.Review ? "FlagsOpen" : "IllegalTransition", illegal);
        var next = s with { Phase = target };
        switch (target)
        {
            case RoundPhase.Live when s.Blind && s.DrawNumbers.Count != s.Definition!.Contestants.Length:
                return WorkflowResult.Refuse("NumbersNotDrawn", "A blind round goes live only after the encryption officer has drawn the numbers.");
            case RoundPhase.SignedOff:
                return WorkflowResult.Step(next with { SignedOffBy = actor.Id, SignedOffAt = now, Reopened = next.Reopened.Clear() },
                    LedgerKinds.SignedOff, new { chief = actor.Id, board = Standings(Visibility.Mask(s, board)) });
            case RoundPhase.Published when s.Blind && !(s.RevealApprovals.Contains(ActorRole.EncryptionOfficer) && s.RevealApprovals.Contains(ActorRole.Chief)):
                return WorkflowResult.Refuse("RevealNotApproved", "Publishing a blind round reveals who is who: the encryption officer and the chief judge must both approve first.");
            case RoundPhase.Published:
                return WorkflowResult.Step(next with { PublishedAt = now, FrozenBoard = null, RevealedFromBottom = null },
                    LedgerKinds.Published, new { drawNumbers = s.Blind ? s.DrawNumbers : null, board = Standings(board) });
            case RoundPhase.Final when s.Appeals.Any(a => a.Status == AppealStatus.Open):
                return WorkflowResult.Refuse("AppealsOpen", "Every appeal must be ruled before the round is final.");
            case RoundPhase.Final when !s.AppealReopened.IsEmpty:
                return WorkflowResult.Refuse("AppealsOpen", "An upheld appeal's criterion awaits the chief judge's confirmation.");
            case RoundPhase.Final:
                return WorkflowResult.Step(next with { TitleHolderId = board.Arena.TitleCandidateId },
                    LedgerKinds.Final, new { titleHolder = board.Arena.TitleCandidateId, outcome = board.Arena.Outcome, board = Standings(board) });
            default:
                return WorkflowResult.Step(next, LedgerKinds.PhaseChanged, new { from = s.Phase, to = target });
        }
    }

    private static WorkflowResult CheckIn(ContestState s, string contestantId) =>
        s.Definition!.Contestants.Any(c => c.Id == contestantId)
            ? WorkflowResult.Step(s with { CheckedIn = s.CheckedIn.Add(contestantId) }, LedgerKinds.CheckedIn, new { contestant = contestantId })
            : WorkflowResult.Refuse("UnknownContestant", $"Contestant '{contestantId}' does not compete in {s.Definition.Occupation.Code}.");

    private static WorkflowResult Draw(ContestState s, Func<int, int[]> permutation)
    {
        if (!s.Blind)
            return WorkflowResult.Refuse("NotBlind", "Numbers are drawn only for a blind round.");
        var contestants = s.Definition!.Contestants;
        var numbers = permutation(contestants.Length);
        var draw = contestants.Select((c, i) => KeyValuePair.Create(c.Id, numbers[i] + 1)).ToImmutableDictionary();
        // The ledger keeps only a hash-free fact that a draw happened; the mapping itself is recorded at publication.
        return WorkflowResult.Step(s with { DrawNumbers = draw }, LedgerKinds.NumbersDrawn, new { count = draw.Count });
    }

    private static WorkflowResult ApproveRevealBy(ContestState s, Actor actor) =>
        !s.Blind
            ? WorkflowResult.Refuse("NotBlind", "Only a blind round has draw numbers to reveal.")
            : WorkflowResult.Step(s with { RevealApprovals = s.RevealApprovals.Add(actor.Role) }, LedgerKinds.RevealApproved, new { by = actor.Id, role = actor.Role });

    private static WorkflowResult Reopen(ContestState s, ReopenCriterion r)
    {
        var key = ContestState.CriterionKey(r.ContestantId, r.CriterionId);
        var byAppeal = s.Phase == RoundPhase.Published && s.AppealReopened.Contains(key);
        if (s.Phase != RoundPhase.Review && !byAppeal)
            return WorkflowResult.Refuse("IllegalTransition", "A criterion is reopened in Review, or after publication only when an appeal on it was upheld.");
        if (Unknown(s, r.ContestantId, r.CriterionId) is { } unknown)
            return unknown;
        var panel = s.Definition!.Panel.Where(j => j.Role == Contracts.People.JudgeRole.Judge).Select(j => j.Id).ToHashSet();
        if (r.JudgeIds.IsDefaultOrEmpty || r.JudgeIds.Any(j => !panel.Contains(j)))
            return WorkflowResult.Refuse("UnknownJudge", "Name one or more marking judges of this panel to re-mark the criterion.");
        return WorkflowResult.Step(s with { Reopened = s.Reopened.SetItem(key, [.. r.JudgeIds.Distinct()]), Confirmed = s.Confirmed.Remove(key) },
            LedgerKinds.CriterionReopened, new { contestant = r.ContestantId, criterion = r.CriterionId, judges = r.JudgeIds });
    }

    /// <summary>
    /// A named judge's re-mark fulfils the chief's request for that judge: the criterion stays
    /// reopened only for those still to re-mark, so tablets and the chief see what is outstanding.
    /// </summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<string>> Remarked(
        ImmutableSortedDictionary<string, ImmutableArray<string>> reopened, string contestantId, string criterionId, string judgeId)
    {
        var key = ContestState.CriterionKey(contestantId, criterionId);
        if (!reopened.TryGetValue(key, out var judges) || !judges.Contains(judgeId))
            return reopened;
        var rest = judges.Remove(judgeId);
        return rest.IsEmpty ? reopened.Remove(key) : reopened.SetItem(key, rest);
    }

    private static WorkflowResult Confirm(ContestState s, ConfirmCriterion c, Leaderboard board)
    {
        var key = ContestState.CriterionKey(c.ContestantId, c.CriterionId);
        if (Unknown(s, c.ContestantId, c.CriterionId) is { } unknown)
            return unknown;
        if (string.IsNullOrWhiteSpace(c.Reason))
            return WorkflowResult.Refuse("ReasonRequired", "Confirming a criterion needs a written reason.");
        if (s.Phase == RoundPhase.Published && s.AppealReopened.Contains(key))
            return WorkflowResult.Step(s with { AppealReopened = s.AppealReopened.Remove(key), Reopened = s.Reopened.Remove(key), Confirmed = s.Confirmed.SetItem(key, c.Reason) },
                LedgerKinds.Republished, new { contestant = c.ContestantId, criterion = c.CriterionId, reason = c.Reason, board = Standings(board) });
        if (s.Phase != RoundPhase.Review)
            return WorkflowResult.Refuse("IllegalTransition", "A criterion is confirmed in Review, or after publication when an appeal on it was upheld.");
        var flagged = s.Scores.GetValueOrDefault(c.ContestantId)?.Flagged.Any(f => f.CriterionId == c.CriterionId) ?? false;
        if (!flagged)
            return WorkflowResult.Refuse("NotFlagged", $"Criterion {c.CriterionId} of this contestant carries no flag to confirm.");
        return WorkflowResult.Step(s with { Confirmed = s.Confirmed.SetItem(key, c.Reason), Reopened = s.Reopened.Remove(key) },
            LedgerKinds.CriterionConfirmed, new { contestant = c.ContestantId, criterion = c.CriterionId, reason = c.Reason });
    }

    private static WorkflowResult Reveal(ContestState s, RevealBoard r, Leaderboard board)
    {
        if (s.FrozenBoard is null)
            return WorkflowResult.Refuse("NotFrozen", "Only a frozen board is revealed.");
        var revealed = r.OneRankFromBottom ? (s.RevealedFromBottom ?? 0) + 1 : board.Standings.Length;
        var next = revealed >= board.Standings.Length
            ? s with { FrozenBoard = null, RevealedFromBottom = null }
            : s with { RevealedFromBottom = revealed };
        return WorkflowResult.Step(next, LedgerKinds.BoardRevealed, new { revealed, of = board.Standings.Length });
    }

    private static WorkflowResult FileAppealFor(ContestState s, Actor actor, FileAppeal a, DateTimeOffset now)
    {
        if (s.Phase != RoundPhase.Published)
            return WorkflowResult.Refuse("IllegalTransition", "Appeals are filed after publication, while the objection window is open.");
        if (now >= s.ObjectionWindowClosesAt)
            return WorkflowResult.Refuse("WindowClosed", $"The objection window closed at {s.ObjectionWindowClosesAt:u}.");
        if (Unknown(s, a.ContestantId, a.CriterionId) is { } unknown)
            return unknown;
        if (string.IsNullOrWhiteSpace(a.Grounds))
            return WorkflowResult.Refuse("ReasonRequired", "An appeal states its grounds.");
        var appeal = new Appeal(s.Appeals.Count + 1, a.ContestantId, a.CriterionId, a.Grounds, actor.Id, now, AppealStatus.Open, null, null, null);
        return WorkflowResult.Step(s with { Appeals = s.Appeals.Add(appeal) }, LedgerKinds.AppealFiled, appeal);
    }

    private static WorkflowResult Rule(ContestState s, Actor actor, RuleAppeal r, DateTimeOffset now)
    {
        var appeal = s.Appeals.FirstOrDefault(a => a.Number == r.AppealNumber);
        if (appeal is null)
            return WorkflowResult.Refuse("UnknownAppeal", $"There is no appeal number {r.AppealNumber}.");
        if (appeal.Status != AppealStatus.Open)
            return WorkflowResult.Refuse("AlreadyRuled", $"Appeal {r.AppealNumber} was already ruled {appeal.Status}.");
        if (string.IsNullOrWhiteSpace(r.Reason))
            return WorkflowResult.Refuse("ReasonRequired", "A ruling gives its written reason.");
        var ruled = appeal with { Status = r.Upheld ? AppealStatus.Upheld : AppealStatus.Rejected, Ruling = r.Reason, RuledBy = actor.Id, RuledAt = now };
        var next = s with { Appeals = s.Appeals.Replace(appeal, ruled) };
        if (r.Upheld)
            next = next with { AppealReopened = next.AppealReopened.Add(ContestState.CriterionKey(appeal.ContestantId, appeal.CriterionId)) };
        return WorkflowResult.Step(next, LedgerKinds.AppealRuled, ruled);
    }

    private static WorkflowResult? InPhase(ContestState s, RoundPhase[] phases, ContestCommand command) =>
        phases.Contains(s.Phase)
            ? null
            : WorkflowResult.Refuse("IllegalTransition", $"{RoundPermissions.Describe(command)} is possible in {string.Join(" or ", phases)}, not in {s.Phase}.");

    private static WorkflowResult? Unknown(ContestState s, string contestantId, string criterionId) =>
        !s.Definition!.Contestants.Any(c => c.Id == contestantId)
            ? WorkflowResult.Refuse("UnknownContestant", $"Contestant '{contestantId}' does not compete in {s.Definition.Occupation.Code}.")
            : s.Definition.Scheme.FindCriterion(criterionId) is null
                ? WorkflowResult.Refuse("UnknownCriterion", $"Criterion '{criterionId}' is not in the '{s.Definition.Scheme.Id}' scheme.")
                : null;

    /// <summary>What the ledger records of a board: enough for the verifier to compare its own result.</summary>
    public static object Standings(Leaderboard board) =>
        board.Standings.Select(x => new { x.Rank, x.ContestantId, x.Composite }).ToArray();
}
