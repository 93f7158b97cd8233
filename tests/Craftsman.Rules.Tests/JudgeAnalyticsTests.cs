using Craftsman.Contracts.Marking;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Tests;

public sealed class JudgeAnalyticsTests
{
    private static readonly Criterion P3 = new("P3", new("工艺", "Process"), CriterionKind.Judgement, 20m, 0.5m, 4m);
    private static readonly Criterion M1 = new("M1", new("尺寸", "Size"), CriterionKind.Measurement, 10m, 0.5m, null);
    private static readonly MarkingScheme Scheme = new("s", [new MarkingModule("practical", new("实操", "Practical"), 1m, [P3, M1])]);

    [Fact]
    public void GenerousJudgeHasPositiveLeniencyAndTheirTopMarkIsDropped()
    {
        // Worked example: aggregate 16.1666…; J4 (18) is dropped as highest, J5 (14.5) as lowest.
        var sheet = Sheet(("J1", 15m), ("J2", 16.5m), ("J3", 17m), ("J4", 18m), ("J5", 14.5m));

        var stats = JudgeAnalytics.Compute("cnc-lathe", Scheme, [sheet]).ToDictionary(s => s.JudgeId);

        Assert.Equal((18m - 48.5m / 3m) * 100m / 20m, stats["J4"].Leniency);
        Assert.True(stats["J5"].Leniency < 0);
        Assert.Equal(1m, stats["J4"].DroppedRate);
        Assert.Equal(0m, stats["J2"].DroppedRate);
        Assert.All(stats.Values, s => Assert.Equal(0m, s.FlagRate));
    }

    [Fact]
    public void FlaggedCriterionCountsForEveryJudgeWhoMarkedIt()
    {
        var sheet = Sheet(("J1", 10m), ("J2", 16m), ("J3", 12m));

        var stats = JudgeAnalytics.Compute("cnc-lathe", Scheme, [sheet]);

        Assert.All(stats, s => Assert.Equal(1m, s.FlagRate));
        Assert.Equal(0m, stats.Sum(s => s.Leniency!.Value) / 3m, 20);
    }

    [Fact]
    public void EveryMarkCountsAndAFlaggedMeasurementCountsAsFlagged()
    {
        // J1 enters M1, J2 confirms it with another value (flagged); both also mark P3 with J3.
        var marks = new[]
        {
            new Mark("J1", "M1", 8m, 1, DateTimeOffset.UnixEpoch, "a"), new Mark("J2", "M1", 7.5m, 2, DateTimeOffset.UnixEpoch, "b"),
            new Mark("J1", "P3", 15m, 3, DateTimeOffset.UnixEpoch, "c"), new Mark("J2", "P3", 15m, 4, DateTimeOffset.UnixEpoch, "d"),
            new Mark("J3", "P3", 15m, 5, DateTimeOffset.UnixEpoch, "e"),
        };
        var sheet = ScoresheetCalculator.Calculate("C1", Scheme, [.. marks], []);

        var stats = JudgeAnalytics.Compute("cnc-lathe", Scheme, [sheet]).ToDictionary(s => s.JudgeId);

        Assert.Equal(2, stats["J1"].Marks);
        Assert.Equal(1, stats["J1"].JudgementMarks);
        Assert.Equal(1, stats["J1"].MeasurementMarks);
        Assert.Equal(0.5m, stats["J1"].FlagRate);
        Assert.Equal(0.5m, stats["J2"].FlagRate);
        Assert.Equal(0m, stats["J3"].FlagRate);
        Assert.Equal(0m, stats["J1"].Leniency);
    }

    [Fact]
    public void AJudgeWhoOnlyMeasuredHasNoLeniencyButEveryMarkCounted()
    {
        var marks = Enumerable.Range(0, 3).Select(i => new Mark("J1", "M1", 8m, i + 1, DateTimeOffset.UnixEpoch, $"m{i}")).ToArray();
        var sheets = marks.Select((m, i) => ScoresheetCalculator.Calculate($"C{i}", Scheme, [m], []));

        var judge = Assert.Single(JudgeAnalytics.Compute("cnc-lathe", Scheme, sheets));

        Assert.Equal(3, judge.Marks);
        Assert.Null(judge.Leniency);
        Assert.Null(judge.DroppedRate);
        Assert.Equal(0m, judge.FlagRate);
    }

    private static Contracts.Contestants.Scoresheet Sheet(params (string Judge, decimal Value)[] marks) =>
        ScoresheetCalculator.Calculate("C1", Scheme,
            [.. marks.Select((m, i) => new Mark(m.Judge, "P3", m.Value, i + 1, DateTimeOffset.UnixEpoch, $"k{i}"))], []);
}
