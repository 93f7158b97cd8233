using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Scoring;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Round;

/// <summary>
/// Decides each mark of a batch against the round as it stands after the marks before it: a known
/// key answers with its first outcome, a valid mark becomes a ledger entry, anything else is refused.
/// The contest appends the batch's entries in one durable write and only then answers; until
/// then nothing of the batch is part of the round.
/// </summary>
public static class MarkIntake
{
    public sealed record Batch(RoundState Next, IReadOnlyList<LedgerEntry> Entries, MarkOutcome[] Outcomes);

    public static Batch Decide(RoundState round, IReadOnlyList<MarkSubmission> submissions, DateTimeOffset now)
    {
        var next = round;
        var entries = new List<LedgerEntry>();
        var outcomes = new MarkOutcome[submissions.Count];
        for (var i = 0; i < submissions.Count; i++)
        {
            var submission = submissions[i];
            var key = submission.IdempotencyKey ?? "";
            // Known keys answer first, before the phase is checked: a mark stored while the round was
            // live and resent after it closed was still saved.
            if (next.Keys.TryGetValue(key, out var known))
            {
                outcomes[i] = SameMark(next, known, submission) ? known.Outcome : KeyReused(key);
                continue;
            }
            if (Check(next, submission) is { } refusal)
            {
                outcomes[i] = MarkOutcome.Reject(key, refusal.Code, refusal.Message);
                continue;
            }
            var contestant = Visibility.FromPanel(next, submission.ContestantId)!;
            var correction = next.Sheets[contestant].Marks.Any(m => m.JudgeId == submission.JudgeId && m.CriterionId == submission.CriterionId);
            var data = new LedgerMark(submission.JudgeId, Visibility.PanelId(next, contestant), submission.CriterionId, submission.Value, key, correction);
            var entry = LedgerChain.Next(next.LedgerEnd, now, LedgerKinds.Mark, submission.JudgeId, data);
            next = RoundReplay.Apply(next, entry);
            entries.Add(entry);
            outcomes[i] = next.Keys[key].Outcome;
        }
        return new Batch(next, entries, outcomes);
    }

    private static MarkRejection? Check(RoundState s, MarkSubmission mark)
    {
        if (MarkValidator.ValidateKey(mark.IdempotencyKey) is { } badKey)
            return badKey;
        if (s.Definition is not { } definition)
            return new(MarkRejectionCode.ContestNotSetUp, "This occupation's contest has not been set up.");
        if (Visibility.FromPanel(s, mark.ContestantId ?? "") is not { } contestant)
            return new(MarkRejectionCode.DrawNumberRequired, "This round is blind: name the contestant by draw number (for example D01).");
        var reopened = s.Phase is RoundPhase.Review or RoundPhase.Published
            && s.Reopened.TryGetValue(RoundState.CriterionKey(contestant, mark.CriterionId ?? ""), out var judges) && judges.Contains(mark.JudgeId);
        var real = mark with { ContestantId = contestant };
        if (MarkValidator.Validate(definition, s.Phase, real, reopened) is { } invalid)
            return invalid;
        if (s.Absences.TryGetValue(contestant, out var absence))
            return new(MarkRejectionCode.ContestantNotCompeting, $"Contestant {mark.ContestantId} does not compete ({absence.Kind.ToString().ToLowerInvariant()}).");
        var criterion = definition.Scheme.FindCriterion(mark.CriterionId ?? "")!;
        return MarkValidator.ValidateAgainstMarks(criterion, [.. s.Sheets[contestant].Marks.Where(m => m.CriterionId == criterion.Id)], mark.JudgeId);
    }

    /// <summary>
    /// Whether a resend carries the mark first sent under its key. The contestant may be named as
    /// then (a draw code while blind) or as now; either counts if it is the same person.
    /// </summary>
    private static bool SameMark(RoundState s, KnownMark first, MarkSubmission again) =>
        first.Sent.JudgeId == again.JudgeId && first.Sent.CriterionId == again.CriterionId && first.Sent.Value == again.Value
        && (first.Sent.ContestantId == again.ContestantId || first.ContestantId == Visibility.RealId(s, again.ContestantId ?? ""));

    private static MarkOutcome KeyReused(string key) =>
        MarkOutcome.Reject(key, MarkRejectionCode.IdempotencyKeyReused, $"Idempotency key '{key}' was already used for another mark.");
}
