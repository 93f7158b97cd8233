using Craftsman.Contracts.Marking;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class JudgementAggregatorTests
{
    // DESIGN.md §2 worked example: P3, max 20, step 0.5, tolerance 4.
    private static readonly Criterion P3 = Judgement("P3", max: 20m, step: 0.5m, tolerance: 4m);

    [Fact]
    public void WorkedExampleDropsHighestAndLowestAndAveragesTheRestExactly()
    {
        var marks = Marks("P3", 15m, 16.5m, 17m, 18m, 14.5m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(48.5m / 3m, result.Value);
        Assert.Equal(16.166666666666666666666666667m, result.Value);
        Assert.Equal(16.17m, ScoreDisplay.Round(result.Value!.Value));
        Assert.Equal(3.5m, result.Spread);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.True(result.IsFinal);
        Assert.Equal(5, result.MarkCount);
        Assert.Equal("P3", result.CriterionId);
        Assert.Equal(CriterionKind.Judgement, result.Kind);
    }

    [Fact]
    public void WorkedExampleDropsTheJudgesWhoMarked18And14Point5()
    {
        var marks = Marks("P3", 15m, 16.5m, 17m, 18m, 14.5m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        // J4 marked 18 (highest), J5 marked 14.5 (lowest).
        Assert.Equal(["J4", "J5"], result.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void WorkedExampleWith19InsteadOf18FlagsSpreadAboveTolerance()
    {
        var marks = Marks("P3", 15m, 16.5m, 17m, 19m, 14.5m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(4.5m, result.Spread);
        Assert.Equal(CriterionFlag.SpreadExceedsTolerance, result.Flag);
        Assert.False(result.IsFinal);
        // The flag does not change the arithmetic: 19 and 14.5 are dropped, 15, 16.5, 17 remain.
        Assert.Equal(48.5m / 3m, result.Value);
    }

    [Fact]
    public void FiveMarksDropHighestAndLowest()
    {
        var marks = Marks("P3", 10m, 13m, 13m, 13m, 20m);

        var result = JudgementAggregator.Aggregate(Judgement(tolerance: 10m), marks);

        Assert.Equal(13m, result.Value); // (13 + 13 + 13) / 3, not 69 / 5 = 13.8
        Assert.Equal(["J1", "J5"], result.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void SixMarksDropOnlyOneHighestAndOneLowest()
    {
        var marks = Marks("P3", 10m, 12m, 14m, 16m, 18m, 20m);

        var result = JudgementAggregator.Aggregate(Judgement(tolerance: 10m), marks);

        Assert.Equal(15m, result.Value); // (12 + 14 + 16 + 18) / 4
        Assert.Equal(2, result.DroppedJudgeIds.Length);
        Assert.Equal(["J1", "J6"], result.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal));
        Assert.True(result.IsFinal);
    }

    [Fact]
    public void ThreeMarksArePlainMean()
    {
        var marks = Marks("P3", 15m, 16m, 18.5m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(16.5m, result.Value); // 49.5 / 3, nothing dropped
        Assert.Empty(result.DroppedJudgeIds);
        Assert.True(result.IsFinal);
        Assert.Equal(3, result.MarkCount);
    }

    [Fact]
    public void FourMarksArePlainMean()
    {
        var marks = Marks("P3", 14m, 15m, 16m, 18m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(15.75m, result.Value); // 63 / 4; trimming would give 15.5
        Assert.Empty(result.DroppedJudgeIds);
        Assert.True(result.IsFinal);
    }

    [Fact]
    public void MissingJudgeFourOfFiveMarkedIsPlainMeanAndFinal()
    {
        // J1, J2, J3 and J5 marked; J4 has not.
        var marks = new List<Mark>
        {
            Mark("J1", "P3", 15m, 1),
            Mark("J2", "P3", 16.5m, 2),
            Mark("J3", "P3", 17m, 3),
            Mark("J5", "P3", 14.5m, 4),
        };

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(15.75m, result.Value); // 63 / 4
        Assert.Equal(4, result.MarkCount);
        Assert.Empty(result.DroppedJudgeIds);
        Assert.True(result.IsFinal);
        Assert.Equal(2.5m, result.Spread);
    }

    [Fact]
    public void TwoMarksAreProvisional()
    {
        var marks = Marks("P3", 15m, 16m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.False(result.IsFinal);
        Assert.Equal(15.5m, result.Value);
        Assert.Equal(2, result.MarkCount);
        Assert.Equal(CriterionFlag.None, result.Flag);
    }

    [Fact]
    public void OneMarkIsProvisional()
    {
        var result = JudgementAggregator.Aggregate(P3, Marks("P3", 17m));

        Assert.False(result.IsFinal);
        Assert.Equal(17m, result.Value);
        Assert.Equal(0m, result.Spread);
    }

    [Fact]
    public void NoMarksGiveNoValue()
    {
        var result = JudgementAggregator.Aggregate(P3, []);

        Assert.Null(result.Value);
        Assert.Equal(0, result.MarkCount);
        Assert.False(result.IsFinal);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.Empty(result.DroppedJudgeIds);
    }

    [Fact]
    public void AllMarksEqualGiveThatValueAndZeroSpread()
    {
        var marks = Marks("P3", 16m, 16m, 16m, 16m, 16m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(16m, result.Value);
        Assert.Equal(0m, result.Spread);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.True(result.IsFinal);
        // Equal values: the earliest entry is dropped as "lowest", the latest as "highest".
        Assert.Equal(["J1", "J5"], result.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void SpreadExactlyEqualToToleranceIsNotFlagged()
    {
        var marks = Marks("P3", 14m, 15m, 16m, 17m, 18m); // spread 4 = tolerance 4

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(4m, result.Spread);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.True(result.IsFinal);
    }

    [Fact]
    public void SpreadOneStepAboveToleranceIsFlagged()
    {
        var marks = Marks("P3", 14m, 15m, 16m, 17m, 18.5m); // spread 4.5 > 4

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(CriterionFlag.SpreadExceedsTolerance, result.Flag);
        Assert.False(result.IsFinal);
    }

    [Fact]
    public void SpreadIsMeasuredBeforeDroppingMarks()
    {
        // The counted marks (15, 15, 15) agree; the dropped ones are 10 apart.
        var marks = Marks("P3", 10m, 15m, 15m, 15m, 20m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(10m, result.Spread);
        Assert.Equal(CriterionFlag.SpreadExceedsTolerance, result.Flag);
    }

    [Fact]
    public void TwoMarksFurtherApartThanToleranceAreFlagged()
    {
        var result = JudgementAggregator.Aggregate(P3, Marks("P3", 10m, 15m));

        Assert.Equal(CriterionFlag.SpreadExceedsTolerance, result.Flag);
        Assert.False(result.IsFinal);
    }

    [Fact]
    public void CriterionWithoutToleranceIsNeverFlagged()
    {
        var result = JudgementAggregator.Aggregate(Judgement(tolerance: null), Marks("P3", 0m, 20m, 10m));

        Assert.Equal(20m, result.Spread);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.True(result.IsFinal);
    }

    [Fact]
    public void ResultDoesNotDependOnTheOrderMarksArrive()
    {
        var marks = Marks("P3", 15m, 16.5m, 17m, 18m, 14.5m);
        var reversed = Enumerable.Reverse(marks).ToList();

        var inOrder = JudgementAggregator.Aggregate(P3, marks);
        var inReverse = JudgementAggregator.Aggregate(P3, reversed);

        Assert.Equal(inOrder.Value, inReverse.Value);
        Assert.Equal(inOrder.Spread, inReverse.Spread);
        Assert.Equal(
            inOrder.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal),
            inReverse.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void TiedHighestMarksDropTheLaterEntry()
    {
        // J2 and J4 both marked 18 (highest); J4 entered later and is dropped. J1 and J5 tie at the
        // bottom; J1 entered first and is dropped.
        var marks = Marks("P3", 15m, 18m, 16m, 18m, 15m);

        var result = JudgementAggregator.Aggregate(P3, marks);

        Assert.Equal(["J1", "J4"], result.DroppedJudgeIds.OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(49m / 3m, result.Value); // 18 + 16 + 15
    }
}
