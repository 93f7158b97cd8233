using Craftsman.Contracts.Marking;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class MeasurementAggregatorTests
{
    private static readonly Criterion P1 = Measurement("P1", max: 30m, step: 0.5m);

    [Fact]
    public void NoMarksGiveNoValue()
    {
        var result = MeasurementAggregator.Aggregate(P1, []);

        Assert.Null(result.Value);
        Assert.Equal(0, result.MarkCount);
        Assert.False(result.IsFinal);
        Assert.Equal(CriterionFlag.None, result.Flag);
    }

    [Fact]
    public void EntryOnlyIsProvisionalWithTheEnteredValue()
    {
        var result = MeasurementAggregator.Aggregate(P1, [Mark("J1", "P1", 27.5m, 1)]);

        Assert.Equal(27.5m, result.Value);
        Assert.Equal(1, result.MarkCount);
        Assert.False(result.IsFinal);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.Equal(CriterionKind.Measurement, result.Kind);
    }

    [Fact]
    public void ConfirmationWithTheSameValueIsFinal()
    {
        var marks = new[] { Mark("J1", "P1", 27.5m, 1), Mark("J2", "P1", 27.5m, 2) };

        var result = MeasurementAggregator.Aggregate(P1, marks);

        Assert.Equal(27.5m, result.Value);
        Assert.Equal(2, result.MarkCount);
        Assert.True(result.IsFinal);
        Assert.Equal(CriterionFlag.None, result.Flag);
        Assert.Equal(0m, result.Spread);
    }

    [Fact]
    public void ConfirmationWithAnotherValueFlagsDisagreement()
    {
        var marks = new[] { Mark("J1", "P1", 27.5m, 1), Mark("J2", "P1", 26m, 2) };

        var result = MeasurementAggregator.Aggregate(P1, marks);

        Assert.Equal(CriterionFlag.MeasurementDisagreement, result.Flag);
        Assert.False(result.IsFinal);
        Assert.Equal(27.5m, result.Value); // the entry stands provisionally
        Assert.Equal(1.5m, result.Spread);
    }

    [Fact]
    public void TheEarliestSequenceIsTheEntryWhateverTheListOrder()
    {
        var marks = new[] { Mark("J2", "P1", 26m, 7), Mark("J1", "P1", 27.5m, 3) };

        var result = MeasurementAggregator.Aggregate(P1, marks);

        Assert.Equal(27.5m, result.Value);
        Assert.Equal(CriterionFlag.MeasurementDisagreement, result.Flag);
    }

    [Fact]
    public void ValuesEqualAtDifferentScaleAgree()
    {
        var marks = new[] { Mark("J1", "P1", 27.5m, 1), Mark("J2", "P1", 27.50m, 2) };

        var result = MeasurementAggregator.Aggregate(P1, marks);

        Assert.True(result.IsFinal);
        Assert.Equal(CriterionFlag.None, result.Flag);
    }
}
