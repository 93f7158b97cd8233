using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Grains.Scoring;

namespace Craftsman.Grains.Contestants;

public sealed class ContestantGrain(
    [PersistentState("contestant", StorageNames.Craftsman)] IPersistentState<ContestantState> state)
    : Grain, IContestantGrain
{
    public async Task Enrol(Contestant contestant, MarkingScheme scheme)
    {
        if (state.State.Contestant == contestant && state.State.Scheme == scheme)
            return;
        await Commit(state.State with { Contestant = contestant, Scheme = scheme });
    }

    public async Task<RecordedMarks> RecordMarks(ImmutableArray<MarkSubmission> submissions, DateTimeOffset enteredAt)
    {
        var current = state.State;
        var recordings = ImmutableArray.CreateBuilder<MarkRecording>(submissions.Length);
        foreach (var submission in submissions)
        {
            var (next, recording) = Record(current, submission, enteredAt);
            current = next;
            recordings.Add(recording);
        }
        if (!ReferenceEquals(current, state.State))
            await Commit(current);
        return new RecordedMarks(recordings.MoveToImmutable(), Sheet(current));
    }

    public Task<Scoresheet> GetScoresheet() => Task.FromResult(Sheet(state.State));

    /// <summary>One mark against the state so far: the state after it (the same one when refused or known) and what happened.</summary>
    private static (ContestantState Next, MarkRecording Recording) Record(ContestantState current, MarkSubmission submission, DateTimeOffset enteredAt)
    {
        if (current.Scheme is not { } scheme)
            return (current, Refuse(MarkRejectionCode.UnknownContestant, $"Contestant '{submission.ContestantId}' is not enrolled in a contest."));

        if (current.AppliedKeys.TryGetValue(submission.IdempotencyKey, out var earlier))
            return (current, earlier == submission
                ? new MarkRecording(null, false, true)
                : Refuse(MarkRejectionCode.IdempotencyKeyReused, $"Idempotency key '{submission.IdempotencyKey}' was already used for another mark."));

        var criterion = scheme.FindCriterion(submission.CriterionId);
        if (criterion is null)
            return (current, Refuse(MarkRejectionCode.UnknownCriterion, $"Criterion '{submission.CriterionId}' is not in the '{scheme.Id}' scheme."));
        var forCriterion = current.Marks.Where(m => m.CriterionId == criterion.Id).ToList();
        if (MarkValidator.ValidateAgainstMarks(criterion, forCriterion, submission.JudgeId) is { } rejection)
            return (current, new MarkRecording(rejection, false, false));

        var previous = forCriterion.FirstOrDefault(m => m.JudgeId == submission.JudgeId);
        var next = previous is null
            ? AddMark(current, submission, enteredAt)
            : Correct(current, previous, submission, enteredAt);
        return (next with { AppliedKeys = next.AppliedKeys.Add(submission.IdempotencyKey, submission) }, new MarkRecording(null, previous is not null, false));
    }

    private static ContestantState AddMark(ContestantState current, MarkSubmission s, DateTimeOffset at)
    {
        var sequence = current.LastSequence + 1;
        var mark = new Mark(s.JudgeId, s.CriterionId, s.Value, sequence, at, s.IdempotencyKey);
        return current with { Marks = current.Marks.Add(mark), LastSequence = sequence };
    }

    // A correction keeps the original mark's sequence: who entered a measurement first does not
    // change because they fixed a typo.
    private static ContestantState Correct(ContestantState current, Mark previous, MarkSubmission s, DateTimeOffset at)
    {
        var replaced = previous with { Value = s.Value, EnteredAt = at, IdempotencyKey = s.IdempotencyKey };
        var correction = new MarkCorrection(s.JudgeId, s.CriterionId, previous.Value, s.Value, at, s.IdempotencyKey);
        return current with
        {
            Marks = current.Marks.Replace(previous, replaced),
            Corrections = current.Corrections.Add(correction),
        };
    }

    private Scoresheet Sheet(ContestantState s) =>
        s.Scheme is null
            ? new Scoresheet(this.GetPrimaryKeyString(), s.Marks, [], [], 0m, s.Corrections)
            : ScoresheetCalculator.Calculate(s.Contestant?.Id ?? this.GetPrimaryKeyString(), s.Scheme, s.Marks, s.Corrections);

    private static MarkRecording Refuse(MarkRejectionCode code, string message) =>
        new(new MarkRejection(code, message), false, false);

    private Task Commit(ContestantState next) => state.CommitAsync(next, GrainContext);
}
