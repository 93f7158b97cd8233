using Craftsman.Contracts.Input;
using System.Collections.Immutable;
using System.Globalization;
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
    public const int MaxKeyLength = InputRules.MaxKeyLength;

    /// <param name="reopenedForJudge">The chief judge reopened this criterion of this contestant for this judge (Review, or after an upheld appeal).</param>
    public static MarkRejection? Validate(ContestDefinition? contest, RoundPhase phase, MarkSubmission mark, bool reopenedForJudge = false)
    {
        if (ValidateKey(mark.IdempotencyKey) is { } badKey)
            return badKey;
        if (!InputRules.IsId(mark.ContestantId))
            return Reject(MarkRejectionCode.InvalidSubmission, $"A contestant id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}) is required.", ("field", "contestantId"));
        if (!InputRules.IsId(mark.CriterionId))
            return Reject(MarkRejectionCode.InvalidSubmission, $"A criterion id of 1 to {InputRules.MaxIdLength} characters ({InputRules.IdCharacters}) is required.", ("field", "criterionId"));
        if (contest is null)
            return Reject(MarkRejectionCode.ContestNotSetUp, "This occupation's contest has not been set up.");
        if (phase != RoundPhase.Live && !reopenedForJudge)
            return Reject(MarkRejectionCode.RoundNotLive, $"Marks are accepted only while the round is Live, or for a criterion the chief judge reopened for you; the round is {phase}.");
        var judge = contest.Panel.FirstOrDefault(j => j.Id == mark.JudgeId);
        if (judge is null || judge.Role != JudgeRole.Judge)
            return Reject(MarkRejectionCode.JudgeNotOnPanel, $"Judge '{mark.JudgeId}' is not a marking judge on the {contest.Occupation.Code} panel.");
        if (!contest.Contestants.Any(c => c.Id == mark.ContestantId))
            return Reject(MarkRejectionCode.UnknownContestant, $"Contestant '{mark.ContestantId}' does not compete in {contest.Occupation.Code}.", ("contestantId", mark.ContestantId));
        var criterion = contest.Scheme.FindCriterion(mark.CriterionId);
        if (criterion is null)
            return Reject(MarkRejectionCode.UnknownCriterion, $"Criterion '{mark.CriterionId}' is not in the '{contest.Scheme.Id}' scheme.", ("criterionId", mark.CriterionId));
        return ValidateValue(criterion, mark.Value);
    }

    /// <summary>An idempotency key: checked before anything else, also for a batch's marks one by one.</summary>
    public static MarkRejection? ValidateKey(string? key) =>
        InputRules.IsKey(key)
            ? null
            : Reject(MarkRejectionCode.InvalidSubmission, $"An idempotency key of 1 to {MaxKeyLength} characters ({InputRules.KeyCharacters}) is required.",
                ("field", "idempotencyKey"), ("maxLength", MaxKeyLength.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Exactly on the criterion's range and step, never rounded. A value with more decimal places
    /// than any step may have, or beyond any maximum, is refused before any arithmetic, so a
    /// scheme imported before these bounds cannot make the check itself overflow.
    /// </summary>
    public static MarkRejection? ValidateValue(Criterion criterion, decimal value)
    {
        var max = Text(criterion.Max);
        if (value < 0 || value > criterion.Max || Math.Abs(value) > InputRules.MaxMagnitude)
            return Reject(MarkRejectionCode.MarkOutOfRange, $"A mark for {criterion.Id} must lie between 0 and {max}; {Text(value)} does not.",
                ("criterionId", criterion.Id), ("min", "0"), ("max", max));
        if (InputRules.DecimalPlaces(value) > InputRules.MaxDecimalPlaces
            || criterion.Step > 0 && (!InputRules.IsBoundedNumber(criterion.Step) || value % criterion.Step != 0))
            return Reject(MarkRejectionCode.MarkOffStep, $"A mark for {criterion.Id} goes in steps of {Text(criterion.Step)}; {Text(value)} is off the step.",
                ("criterionId", criterion.Id), ("step", Text(criterion.Step)));
        return null;
    }

    private static string Text(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

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
            $"Measurement {criterion.Id} has already been entered and confirmed by two other judges.", ("criterionId", criterion.Id));
    }

    private static MarkRejection Reject(MarkRejectionCode code, string message, params (string Name, string Value)[] parameters) =>
        new(code, message, parameters.Length == 0 ? null : parameters.ToImmutableDictionary(p => p.Name, p => p.Value));
}
