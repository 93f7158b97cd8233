using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.People;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Round;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Workflow;

/// <summary>
/// The round's workflow (DESIGN.md §3) as a pure decision: a state, who asks, what they ask, and
/// when; the answer is the ledger entry to append, or a refusal that changes nothing. What the
/// entry does to the round is <see cref="RoundReplay"/>'s, the same code that rebuilds a round
/// from its ledger, so a live round and its replay cannot differ.
/// </summary>
public static class RoundWorkflow
{
    /// <param name="draw">Draws the numbers for the given contestants (random in production, fixed in tests).</param>
    public static WorkflowResult Decide(RoundState s, Actor actor, ContestCommand command, DateTimeOffset now, Func<IReadOnlyList<string>, DrawEnvelope> draw)
    {
        if (s.Definition is null)
            return WorkflowResult.Refuse("ContestNotSetUp", "This occupation's contest has not been set up.");
        if (RoundPermissions.Check(actor, command) is { } forbidden)
            return WorkflowResult.Refuse("Forbidden", forbidden);
        if (actor.Role == ActorRole.Chief && !s.Definition.Panel.Any(j => j.Id == actor.Id && j.Role == JudgeRole.Chief))
            return WorkflowResult.Refuse("Forbidden", $"'{actor.Id}' is not the chief judge of {s.Definition.Occupation.Code}.");
        return command switch
        {
            MoveRound m => Move(s, actor, m.Target, now),
            SetBlind b => InPhase(s, [RoundPhase.Draft, RoundPhase.CheckIn], command) ?? WorkflowResult.Step(LedgerKinds.BlindSet, new BlindSet(b.Blind)),
            CheckInContestant c => InPhase(s, [RoundPhase.CheckIn], command) ?? CheckIn(s, c.ContestantId),
            MarkAbsent a => Absent(s, a),
            DrawNumbers => InPhase(s, [RoundPhase.CheckIn], command) ?? Draw(s, draw),
            ApproveReveal => InPhase(s, [RoundPhase.SignedOff], command) ?? ApproveRevealBy(s, actor),
            ReopenCriterion r => Reopen(s, r),
            ConfirmCriterion c => Confirm(s, c),
            FreezeBoard => InPhase(s, [RoundPhase.Live, RoundPhase.Review, RoundPhase.SignedOff], command)
                ?? (s.FrozenBoard is not null
                    ? WorkflowResult.Refuse("AlreadyFrozen", "The public board is already frozen.")
                    : WorkflowResult.Step(LedgerKinds.BoardFrozen, new BoardFrozen(s.Version))),
            RevealBoard r => Reveal(s, r),
            FileAppeal a => FileAppealFor(s, actor, a, now),
            RuleAppeal r => Rule(s, actor, r, now),
            _ => WorkflowResult.Refuse("UnknownCommand", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static WorkflowResult Move(RoundState s, Actor actor, RoundPhase target, DateTimeOffset now)
    {
        var openFlags = s.OpenFlags.Count();
        if (RoundLifecycle.CheckTransition(s.Phase, target, openFlags, s.ObjectionWindowClosesAt, now) is { } illegal)
            return WorkflowResult.Refuse(openFlags > 0 && s.Phase == RoundPhase.Review ? "FlagsOpen" : "IllegalTransition", illegal);
        var board = RoundBoards.Live(s);
        switch (target)
        {
            case RoundPhase.Live when s.Definition!.Contestants.Where(c => !s.CheckedIn.Contains(c.Id) && !s.Absences.ContainsKey(c.Id)).ToList() is { Count: > 0 } missing:
                return WorkflowResult.Refuse("CheckInIncomplete",
                    $"The round goes live once every contestant is checked in or recorded as absent; {missing.Count} are neither ({string.Join(", ", missing.Take(5).Select(c => c.Id))}).");
            case RoundPhase.Live when s.Blind && s.DrawNumbers.Count != s.Definition!.Contestants.Length:
                return WorkflowResult.Refuse("NumbersNotDrawn", "A blind round goes live only after the encryption officer has drawn the numbers.");
            case RoundPhase.SignedOff when RoundCompleteness.Incomplete(s) is { Count: > 0 } incomplete:
                return WorkflowResult.Refuse("MarkingIncomplete",
                    $"The round cannot be signed off while {incomplete.Count} criteria lack a final aggregate (first: {Visibility.PanelId(s, incomplete[0].ContestantId)} {incomplete[0].CriterionId}, {incomplete[0].Why}).");
            case RoundPhase.SignedOff:
                return WorkflowResult.Step(LedgerKinds.SignedOff, new SignedOff(actor.Id, Standings(RoundBoards.Panel(s))));
            case RoundPhase.Published when s.Blind && !(s.RevealApprovals.Contains(ActorRole.EncryptionOfficer) && s.RevealApprovals.Contains(ActorRole.Chief)):
                return WorkflowResult.Refuse("RevealNotApproved", "Publishing a blind round reveals who is who: the encryption officer and the chief judge must both approve first.");
            case RoundPhase.Published:
                var envelope = s.Blind ? s.Envelopes.Values.FirstOrDefault(e => e.Numbers.SequenceEqual(s.DrawNumbers)) : null;
                return WorkflowResult.Step(LedgerKinds.Published, new Published(envelope?.Numbers, envelope?.Salt, Standings(board)));
            case RoundPhase.Final when s.Appeals.Any(a => a.Status == AppealStatus.Open):
                return WorkflowResult.Refuse("AppealsOpen", "Every appeal must be ruled before the round is final.");
            case RoundPhase.Final when !s.AppealReopened.IsEmpty:
                return WorkflowResult.Refuse("AppealsOpen", "An upheld appeal's criterion awaits the chief judge's confirmation.");
            case RoundPhase.Final:
                return WorkflowResult.Step(LedgerKinds.Final, new Finalised(board.Arena.TitleCandidateId, board.Arena.Outcome, Standings(board)));
            default:
                return WorkflowResult.Step(LedgerKinds.PhaseChanged, new PhaseChanged(s.Phase, target));
        }
    }

    private static WorkflowResult CheckIn(RoundState s, string contestantId) =>
        Unknown(s, contestantId) ?? WorkflowResult.Step(LedgerKinds.CheckedIn, new CheckedIn(contestantId));

    private static WorkflowResult Absent(RoundState s, MarkAbsent a)
    {
        if (Unknown(s, a.ContestantId) is { } unknown)
            return unknown;
        if (!Enum.IsDefined(a.Kind))
            return WorkflowResult.Refuse("InvalidCommand", "Say whether the contestant is absent, withdrawn or disqualified.");
        if (string.IsNullOrWhiteSpace(a.Reason))
            return WorkflowResult.Refuse("ReasonRequired", "Recording that a contestant does not compete needs a written reason.");
        if (s.Absences.ContainsKey(a.ContestantId))
            return WorkflowResult.Refuse("AlreadyAbsent", $"Contestant '{a.ContestantId}' is already recorded as not competing.");
        // Absence is a check-in fact; withdrawing or disqualifying stays possible until the marks are locked.
        RoundPhase[] phases = a.Kind == AbsenceKind.Absent ? [RoundPhase.CheckIn] : [RoundPhase.CheckIn, RoundPhase.Live, RoundPhase.Review];
        if (!phases.Contains(s.Phase))
            return WorkflowResult.Refuse("IllegalTransition", $"A contestant is recorded as {a.Kind.ToString().ToLowerInvariant()} in {string.Join(" or ", phases)}, not in {s.Phase}.");
        return WorkflowResult.Step(LedgerKinds.ContestantAbsent, new ContestantAbsent(a.ContestantId, a.Kind, a.Reason.Trim()));
    }

    private static WorkflowResult Draw(RoundState s, Func<IReadOnlyList<string>, DrawEnvelope> draw)
    {
        if (!s.Blind)
            return WorkflowResult.Refuse("NotBlind", "Numbers are drawn only for a blind round.");
        var envelope = draw([.. s.Definition!.Contestants.Select(c => c.Id)]);
        return WorkflowResult.Step(LedgerKinds.NumbersDrawn, new NumbersDrawn(envelope.Numbers.Count, envelope.Commitment), envelope);
    }

    private static WorkflowResult ApproveRevealBy(RoundState s, Actor actor) =>
        !s.Blind
            ? WorkflowResult.Refuse("NotBlind", "Only a blind round has draw numbers to reveal.")
            : WorkflowResult.Step(LedgerKinds.RevealApproved, new RevealApproved(actor.Id, actor.Role));

    private static WorkflowResult Reopen(RoundState s, ReopenCriterion r)
    {
        var key = RoundState.CriterionKey(r.ContestantId, r.CriterionId);
        var byAppeal = s.Phase == RoundPhase.Published && s.AppealReopened.Contains(key);
        if (s.Phase != RoundPhase.Review && !byAppeal)
            return WorkflowResult.Refuse("IllegalTransition", "A criterion is reopened in Review, or after publication only when an appeal on it was upheld.");
        if (Unknown(s, r.ContestantId, r.CriterionId) is { } unknown)
            return unknown;
        var panel = s.Definition!.Panel.Where(j => j.Role == JudgeRole.Judge).Select(j => j.Id).ToHashSet();
        if (r.JudgeIds.IsDefaultOrEmpty || r.JudgeIds.Any(j => !panel.Contains(j)))
            return WorkflowResult.Refuse("UnknownJudge", "Name one or more marking judges of this panel to re-mark the criterion.");
        return WorkflowResult.Step(LedgerKinds.CriterionReopened, new CriterionReopened(r.ContestantId, r.CriterionId, [.. r.JudgeIds.Distinct()]));
    }

    /// <summary>
    /// A named judge's re-mark fulfils the chief's request for that judge: the criterion stays
    /// reopened only for those still to re-mark, so tablets and the chief see what is outstanding.
    /// </summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<string>> Remarked(
        ImmutableSortedDictionary<string, ImmutableArray<string>> reopened, string contestantId, string criterionId, string judgeId)
    {
        var key = RoundState.CriterionKey(contestantId, criterionId);
        if (!reopened.TryGetValue(key, out var judges) || !judges.Contains(judgeId))
            return reopened;
        var rest = judges.Remove(judgeId);
        return rest.IsEmpty ? reopened.Remove(key) : reopened.SetItem(key, rest);
    }

    private static WorkflowResult Confirm(RoundState s, ConfirmCriterion c)
    {
        var key = RoundState.CriterionKey(c.ContestantId, c.CriterionId);
        if (Unknown(s, c.ContestantId, c.CriterionId) is { } unknown)
            return unknown;
        if (string.IsNullOrWhiteSpace(c.Reason))
            return WorkflowResult.Refuse("ReasonRequired", "Confirming a criterion needs a written reason.");
        if (s.Phase == RoundPhase.Published && s.AppealReopened.Contains(key))
            return WorkflowResult.Step(LedgerKinds.Republished, new Republished(c.ContestantId, c.CriterionId, c.Reason, Standings(RoundBoards.Live(s))));
        if (s.Phase != RoundPhase.Review)
            return WorkflowResult.Refuse("IllegalTransition", "A criterion is confirmed in Review, or after publication when an appeal on it was upheld.");
        var flagged = s.Scores.GetValueOrDefault(c.ContestantId)?.Flagged.Any(f => f.CriterionId == c.CriterionId) ?? false;
        if (!flagged)
            return WorkflowResult.Refuse("NotFlagged", $"Criterion {c.CriterionId} of this contestant carries no flag to confirm.");
        return WorkflowResult.Step(LedgerKinds.CriterionConfirmed, new CriterionConfirmed(c.ContestantId, c.CriterionId, c.Reason));
    }

    private static WorkflowResult Reveal(RoundState s, RevealBoard r)
    {
        if (s.FrozenBoard is null)
            return WorkflowResult.Refuse("NotFrozen", "Only a frozen board is revealed.");
        var lines = s.Definition!.Contestants.Length;
        var revealed = r.OneRankFromBottom ? (s.RevealedFromBottom ?? 0) + 1 : lines;
        return WorkflowResult.Step(LedgerKinds.BoardRevealed, new BoardRevealed(Math.Min(revealed, lines), lines));
    }

    private static WorkflowResult FileAppealFor(RoundState s, Actor actor, FileAppeal a, DateTimeOffset now)
    {
        if (s.Phase != RoundPhase.Published)
            return WorkflowResult.Refuse("IllegalTransition", "Appeals are filed after publication, while the objection window is open.");
        if (now >= s.ObjectionWindowClosesAt)
            return WorkflowResult.Refuse("WindowClosed", $"The objection window closed at {s.ObjectionWindowClosesAt:u}.");
        if (Unknown(s, a.ContestantId, a.CriterionId) is { } unknown)
            return unknown;
        if (string.IsNullOrWhiteSpace(a.Grounds))
            return WorkflowResult.Refuse("ReasonRequired", "An appeal states its grounds.");
        return WorkflowResult.Step(LedgerKinds.AppealFiled,
            new Appeal(s.Appeals.Count + 1, a.ContestantId, a.CriterionId, a.Grounds, actor.Id, now, AppealStatus.Open, null, null, null));
    }

    private static WorkflowResult Rule(RoundState s, Actor actor, RuleAppeal r, DateTimeOffset now)
    {
        var appeal = s.Appeals.FirstOrDefault(a => a.Number == r.AppealNumber);
        if (appeal is null)
            return WorkflowResult.Refuse("UnknownAppeal", $"There is no appeal number {r.AppealNumber}.");
        if (appeal.Status != AppealStatus.Open)
            return WorkflowResult.Refuse("AlreadyRuled", $"Appeal {r.AppealNumber} was already ruled {appeal.Status}.");
        if (string.IsNullOrWhiteSpace(r.Reason))
            return WorkflowResult.Refuse("ReasonRequired", "A ruling gives its written reason.");
        return WorkflowResult.Step(LedgerKinds.AppealRuled,
            appeal with { Status = r.Upheld ? AppealStatus.Upheld : AppealStatus.Rejected, Ruling = r.Reason, RuledBy = actor.Id, RuledAt = now });
    }

    private static WorkflowResult? InPhase(RoundState s, RoundPhase[] phases, ContestCommand command) =>
        phases.Contains(s.Phase)
            ? null
            : WorkflowResult.Refuse("IllegalTransition", $"{RoundPermissions.Describe(command)} is possible in {string.Join(" or ", phases)}, not in {s.Phase}.");

    private static WorkflowResult? Unknown(RoundState s, string contestantId) =>
        !s.Definition!.Contestants.Any(c => c.Id == contestantId)
            ? WorkflowResult.Refuse("UnknownContestant", $"Contestant '{contestantId}' does not compete in {s.Definition.Occupation.Code}.")
            : null;

    private static WorkflowResult? Unknown(RoundState s, string contestantId, string criterionId) =>
        Unknown(s, contestantId)
            ?? (s.Definition!.Scheme.FindCriterion(criterionId) is null
                ? WorkflowResult.Refuse("UnknownCriterion", $"Criterion '{criterionId}' is not in the '{s.Definition.Scheme.Id}' scheme.")
                : null);

    /// <summary>What the ledger records of a board: enough for the verifier to compare its own result.</summary>
    public static ImmutableArray<RecordedStanding> Standings(Leaderboard board) =>
        [.. board.Standings.Select(x => new RecordedStanding(x.Rank, x.ContestantId, x.Composite))];
}
