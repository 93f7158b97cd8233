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

    public async Task<MarkRecording> RecordMark(MarkSubmission submission, DateTimeOffset enteredAt)
    {
        var current = state.State;
        if (current.Scheme is not { } scheme)
            return Refuse(MarkRejectionCode.UnknownContestant, $"Contestant '{submission.ContestantId}' is not enrolled in a contest.");

        if (current.AppliedKeys.TryGetValue(submission.IdempotencyKey, out var earlier))
            return earlier == submission
                ? new MarkRecording(null, false, true, Sheet(current))
                : Refuse(MarkRejectionCode.IdempotencyKeyReused, $"Idempotency key '{submission.IdempotencyKey}' was already used for another mark.");

        var criterion = scheme.FindCriterion(submission.CriterionId);
        if (criterion is null)
            return Refuse(MarkRejectionCode.UnknownCriterion, $"Criterion '{submission.CriterionId}' is not in the '{scheme.Id}' scheme.");
        var forCriterion = current.Marks.Where(m => m.CriterionId == criterion.Id).ToList();
        if (MarkValidator.ValidateAgainstMarks(criterion, forCriterion, submission.JudgeId) is { } rejection)
            return new MarkRecording(rejection, false, false, Sheet(current));

        var previous = forCriterion.FirstOrDefault(m => m.JudgeId == submission.JudgeId);
        var next = previous is null
            ? AddMark(current, submission, enteredAt)
            : Correct(current, previous, submission, enteredAt);
        await Commit(next with { AppliedKeys = next.AppliedKeys.Add(submission.IdempotencyKey, submission) });
        return new MarkRecording(null, previous is not null, false, Sheet(state.State));
    }

    public Task<Scoresheet> GetScoresheet() => Task.FromResult(Sheet(state.State));

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

    private MarkRecording Refuse(MarkRejectionCode code, string message) =>
        new(new MarkRejection(code, message), false, false, Sheet(state.State));

    private Task Commit(ContestantState next) => state.CommitAsync(next, GrainContext);
}
