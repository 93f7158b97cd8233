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
    /// <summary>Keys applied (one per stored mark) before the open stretch of history is sealed.</summary>
    public const int HistorySegmentSize = 32;

    private ContestantHistory? _sealed;

    public async Task Enrol(Contestant contestant, MarkingScheme scheme)
    {
        if (state.State.Contestant == contestant && state.State.Scheme == scheme)
            return;
        await Commit(state.State with { Contestant = contestant, Scheme = scheme });
    }

    public async Task<RecordedMarks> RecordMarks(ImmutableArray<MarkSubmission> submissions, DateTimeOffset enteredAt)
    {
        var sealedHistory = await Sealed();
        var current = state.State;
        var recordings = ImmutableArray.CreateBuilder<MarkRecording>(submissions.Length);
        foreach (var submission in submissions)
        {
            var (next, recording) = Record(current, sealedHistory.AppliedKeys, submission, enteredAt);
            current = next;
            recordings.Add(recording);
        }
        if (!ReferenceEquals(current, state.State))
        {
            if (current.AppliedKeys.Count >= HistorySegmentSize)
                current = await Seal(current);
            await Commit(current);
        }
        // The history stays behind: the contest needs the marks and aggregates, not every correction.
        return new RecordedMarks(recordings.MoveToImmutable(), Sheet(current, []));
    }

    public async Task<Scoresheet> GetScoresheet() => Sheet(state.State, [.. (await Sealed()).Corrections, .. state.State.Corrections]);

    /// <summary>The sealed history, read once per activation and kept in step as stretches are sealed.</summary>
    private async Task<ContestantHistory> Sealed()
    {
        if (_sealed is { } known)
            return known;
        var segments = await Task.WhenAll(Enumerable.Range(0, state.State.HistorySegments).Select(n => History(n).History()));
        return _sealed = new ContestantHistory
        {
            Corrections = [.. segments.SelectMany(h => h.Corrections)],
            AppliedKeys = ImmutableDictionary.CreateRange(segments.SelectMany(h => h.AppliedKeys)),
        };
    }

    /// <summary>Moves the open stretch of history into a segment grain; if the write that follows is lost, the next seal stores it again.</summary>
    private async Task<ContestantState> Seal(ContestantState next)
    {
        var stretch = new ContestantHistory { Corrections = next.Corrections, AppliedKeys = next.AppliedKeys };
        await History(next.HistorySegments).Store(stretch);
        var known = await Sealed();
        _sealed = new ContestantHistory
        {
            Corrections = known.Corrections.AddRange(stretch.Corrections),
            AppliedKeys = known.AppliedKeys.SetItems(stretch.AppliedKeys),
        };
        return next with { Corrections = [], AppliedKeys = ImmutableDictionary<string, MarkSubmission>.Empty, HistorySegments = next.HistorySegments + 1 };
    }

    private IContestantHistoryGrain History(int segment) =>
        GrainFactory.GetGrain<IContestantHistoryGrain>(ContestantHistoryGrain.Key(this.GetPrimaryKeyString(), segment));

    /// <summary>One mark against the state so far: the state after it (the same one when refused or known) and what happened.</summary>
    private static (ContestantState Next, MarkRecording Recording) Record(
        ContestantState current, ImmutableDictionary<string, MarkSubmission> sealedKeys, MarkSubmission submission, DateTimeOffset enteredAt)
    {
        if (current.Scheme is not { } scheme)
            return (current, Refuse(MarkRejectionCode.UnknownContestant, $"Contestant '{submission.ContestantId}' is not enrolled in a contest."));

        if (current.AppliedKeys.TryGetValue(submission.IdempotencyKey, out var earlier) || sealedKeys.TryGetValue(submission.IdempotencyKey, out earlier))
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

    private Scoresheet Sheet(ContestantState s, ImmutableArray<MarkCorrection> corrections) =>
        s.Scheme is null
            ? new Scoresheet(this.GetPrimaryKeyString(), s.Marks, [], [], 0m, corrections)
            : ScoresheetCalculator.Calculate(s.Contestant?.Id ?? this.GetPrimaryKeyString(), s.Scheme, s.Marks, corrections);

    private static MarkRecording Refuse(MarkRejectionCode code, string message) =>
        new(new MarkRejection(code, message), false, false);

    private Task Commit(ContestantState next) => state.CommitAsync(next, GrainContext);
}
