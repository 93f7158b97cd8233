using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class MarkValidatorTests
{
    // Contest(): scheme "small" (P1 measurement max 30, P3 judgement max 20 step 0.5, E1 judgement
    // max 40), contestants C1 and C2, judges J1–J5 and chief CJ.
    private static readonly ContestDefinition Contest = TestData.Contest();

    [Fact]
    public void ValidMarkReturnsNull()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission());

        Assert.Null(rejection);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyIdempotencyKeyIsInvalidSubmission(string key)
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(key: key));

        Assert.Equal(MarkRejectionCode.InvalidSubmission, rejection?.Code);
    }

    [Fact]
    public void IdempotencyKeyLongerThanTheLimitIsInvalidSubmission()
    {
        var key = new string('k', MarkValidator.MaxKeyLength + 1);

        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(key: key));

        Assert.Equal(MarkRejectionCode.InvalidSubmission, rejection?.Code);
    }

    [Fact]
    public void IdempotencyKeyOfExactlyTheLimitIsAccepted()
    {
        var key = new string('k', MarkValidator.MaxKeyLength);

        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(key: key));

        Assert.Null(rejection);
    }

    [Fact]
    public void MissingContestIsContestNotSetUp()
    {
        var rejection = MarkValidator.Validate(null, RoundPhase.Live, Submission());

        Assert.Equal(MarkRejectionCode.ContestNotSetUp, rejection?.Code);
    }

    [Theory]
    [InlineData(RoundPhase.Draft)]
    [InlineData(RoundPhase.CheckIn)]
    [InlineData(RoundPhase.Review)]
    [InlineData(RoundPhase.SignedOff)]
    [InlineData(RoundPhase.Published)]
    [InlineData(RoundPhase.Final)]
    public void EveryPhaseButLiveIsRoundNotLive(RoundPhase phase)
    {
        var rejection = MarkValidator.Validate(Contest, phase, Submission());

        Assert.Equal(MarkRejectionCode.RoundNotLive, rejection?.Code);
        Assert.Contains(phase.ToString(), rejection!.Message);
    }

    [Fact]
    public void JudgeNotOnThePanelIsRejected()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(judgeId: "J99"));

        Assert.Equal(MarkRejectionCode.JudgeNotOnPanel, rejection?.Code);
    }

    [Fact]
    public void ChiefJudgeMayNotMark()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(judgeId: "CJ"));

        Assert.Equal(MarkRejectionCode.JudgeNotOnPanel, rejection?.Code);
    }

    [Fact]
    public void ContestantOfAnotherOccupationIsUnknownContestant()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(contestantId: "C99"));

        Assert.Equal(MarkRejectionCode.UnknownContestant, rejection?.Code);
    }

    [Fact]
    public void CriterionOutsideTheSchemeIsUnknownCriterion()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(criterionId: "P9"));

        Assert.Equal(MarkRejectionCode.UnknownCriterion, rejection?.Code);
    }

    public static TheoryData<decimal> OutOfRange => new() { -0.5m, -0.01m, 20.5m, 21m, 100m };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void MarkBelowZeroOrAboveMaxIsOutOfRange(decimal value)
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(criterionId: "P3", value: value));

        Assert.Equal(MarkRejectionCode.MarkOutOfRange, rejection?.Code);
    }

    public static TheoryData<decimal> OffStep => new() { 15.25m, 0.1m, 19.75m, 10.01m };

    [Theory]
    [MemberData(nameof(OffStep))]
    public void MarkBetweenStepsIsOffStep(decimal value)
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(criterionId: "P3", value: value));

        Assert.Equal(MarkRejectionCode.MarkOffStep, rejection?.Code);
    }

    public static TheoryData<decimal> Boundaries => new() { 0m, 20m, 0.5m, 19.5m, 15.50m };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void ZeroMaxAndOnStepValuesAreAccepted(decimal value)
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(criterionId: "P3", value: value));

        Assert.Null(rejection);
    }

    [Fact]
    public void WholeStepCriterionRejectsHalfPoints()
    {
        var criterion = Measurement("P5", max: 20m, step: 1m);

        Assert.Equal(MarkRejectionCode.MarkOffStep, MarkValidator.ValidateValue(criterion, 12.5m)?.Code);
        Assert.Null(MarkValidator.ValidateValue(criterion, 12m));
    }

    [Fact]
    public void ClosedRoundIsReportedBeforeABadValue()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Review, Submission(judgeId: "CJ", value: 99m));

        Assert.Equal(MarkRejectionCode.RoundNotLive, rejection?.Code);
    }

    // ---- measurement: entering judge, confirming judge, nobody else ----------------------------

    private static readonly Criterion P1 = Measurement("P1");

    [Fact]
    public void FirstMeasurementIsAllowed()
    {
        Assert.Null(MarkValidator.ValidateAgainstMarks(P1, [], "J1"));
    }

    [Fact]
    public void ConfirmingMeasurementByAnotherJudgeIsAllowed()
    {
        var marks = new[] { Mark("J1", "P1", 27.5m, 1) };

        Assert.Null(MarkValidator.ValidateAgainstMarks(P1, marks, "J2"));
    }

    [Fact]
    public void ThirdJudgeOnAConfirmedMeasurementIsRefused()
    {
        var marks = new[] { Mark("J1", "P1", 27.5m, 1), Mark("J2", "P1", 27.5m, 2) };

        var rejection = MarkValidator.ValidateAgainstMarks(P1, marks, "J3");

        Assert.Equal(MarkRejectionCode.MeasurementAlreadyConfirmed, rejection?.Code);
    }

    [Theory]
    [InlineData("J1")]
    [InlineData("J2")]
    public void EnteringOrConfirmingJudgeMayCorrectAMeasurement(string judgeId)
    {
        var marks = new[] { Mark("J1", "P1", 27.5m, 1), Mark("J2", "P1", 26m, 2) };

        Assert.Null(MarkValidator.ValidateAgainstMarks(P1, marks, judgeId));
    }

    [Fact]
    public void JudgementCriterionTakesEveryPanelJudge()
    {
        var marks = Marks("P3", 15m, 16m, 17m, 18m);

        Assert.Null(MarkValidator.ValidateAgainstMarks(Judgement("P3"), marks, "J5"));
    }

    [Theory]
    [InlineData("nul\u0000key")]
    [InlineData("rtl\u202Ekey")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("space key")]
    public void IdempotencyKeyOutsideTheCharacterSetIsInvalidSubmission(string key)
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(key: key));

        Assert.Equal(MarkRejectionCode.InvalidSubmission, rejection?.Code);
    }

    [Fact]
    public void ValueWithMoreThanFourDecimalPlacesIsOffTheStepNeverRounded()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(value: 15.00001m));

        Assert.Equal(MarkRejectionCode.MarkOffStep, rejection?.Code);
        Assert.Equal("0.5", rejection?.Params?["step"]);
    }

    [Fact]
    public void OutOfRangeRejectionCarriesTheRangeAsParameters()
    {
        var rejection = MarkValidator.Validate(Contest, RoundPhase.Live, Submission(value: 25m));

        Assert.Equal(MarkRejectionCode.MarkOutOfRange, rejection?.Code);
        Assert.Equal("20", rejection?.Params?["max"]);
    }
}
