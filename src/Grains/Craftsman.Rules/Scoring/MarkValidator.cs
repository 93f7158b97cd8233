using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// Decides whether a submitted mark may be stored. The checks run in a fixed order so a judge
/// always sees the most fundamental reason first (a closed round before a bad value).
/// </summary>
public static class MarkValidator
{
    public const int MaxKeyLength = 128;

    /// <param name="reopenedForJudge">The chief judge reopened this criterion of this contestant for this judge (Review, or after an upheld appeal).</param>
    public static MarkRejection? Validate(ContestDefinition? contest, RoundPhase phase, MarkSubmission mark, bool reopenedForJudge = false)
    {
        if (ValidateKey(mark.IdempotencyKey) is { } badKey)
            return badKey;
        if (contest is null)
            return Reject(MarkRejectionCode.ContestNotSetUp, "This occupation's contest has not been set up.");
        if (phase != RoundPhase.Live && !reopenedForJudge)
            return Reject(MarkRejectionCode.RoundNotLive, $"Marks are accepted only while the round is Live, or for a criterion the chief judge reopened for you; the round is {phase}.");
        var judge = contest.Panel.FirstOrDefault(j => j.Id == mark.JudgeId);
        if (judge is null || judge.Role != JudgeRole.Judge)
            return Reject(MarkRejectionCode.JudgeNotOnPanel, $"Judge '{mark.JudgeId}' is not a marking judge on the {contest.Occupation.Code} panel.");
        if (!contest.Contestants.Any(c => c.Id == mark.ContestantId))
            return Reject(MarkRejectionCode.UnknownContestant, $"Contestant '{mark.ContestantId}' does not compete in {contest.Occupation.Code}.");
        var criterion = contest.Scheme.FindCriterion(mark.CriterionId);
        if (criterion is null)
            return Reject(MarkRejectionCode.UnknownCriterion, $"Criterion '{mark.CriterionId}' is not in the '{contest.Scheme.Id}' scheme.");
        return ValidateValue(criterion, mark.Value);
    }

    public static MarkRejection? ValidateKey(string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength
            ? Reject(MarkRejectionCode.InvalidSubmission, $"An idempotency key of 1 to {MaxKeyLength} characters is required.")
            : null;

    public static MarkRejection? ValidateValue(Criterion criterion, decimal value)
    {
        if (value < 0 || value > criterion.Max)
            return Reject(MarkRejectionCode.MarkOutOfRange, $"A mark for {criterion.Id} must lie between 0 and {criterion.Max}; {value} does not.");
        if (criterion.Step > 0 && value % criterion.Step != 0)
            return Reject(MarkRejectionCode.MarkOffStep, $"A mark for {criterion.Id} goes in steps of {criterion.Step}; {value} is off the step.");
        return null;
    }

    /// <summary>
    /// A measurement has one entering and one confirming judge; anyone else's value would have no
    /// place in the rules, so it is refused rather than silently ignored.
    /// </summary>
    public static MarkRejection? ValidateAgainstMarks(Criterion criterion, IReadOnlyCollection<Mark> marksForCriterion, string judgeId)
    {
        if (criterion.Kind != CriterionKind.Measurement)
            return null;
        if (marksForCriterion.Any(m => m.JudgeId == judgeId) || marksForCriterion.Count < 2)
            return null;
        return Reject(MarkRejectionCode.MeasurementAlreadyConfirmed,
            $"Measurement {criterion.Id} has already been entered and confirmed by two other judges.");
    }

    private static MarkRejection Reject(MarkRejectionCode code, string message) => new(code, message);
}
