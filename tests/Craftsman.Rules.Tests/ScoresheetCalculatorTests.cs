using System.Collections.Immutable;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class ScoresheetCalculatorTests
{
    // SmallScheme(): practical (weight 0.6) = P1 measurement max 30 + P3 judgement max 20 → max 50;
    //                expert (weight 0.4)    = E1 judgement max 40 → max 40.
    private static ImmutableArray<Mark> HandExampleMarks() =>
    [
        .. Marks("P1", 25m, 25m),                 // entered and confirmed → 25
        .. Marks("P3", 15m, 16m, 17m),            // three marks → mean 16
        .. Marks("E1", 30m, 31m, 32m, 33m, 34m),  // five marks → drop 30 and 34 → 32
    ];

    [Fact]
    public void ModuleScoreIsTheSumOfItsCriterionAggregates()
    {
        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), HandExampleMarks(), []);

        Assert.Equal(["practical", "expert"], sheet.Modules.Select(m => m.ModuleId));
        Assert.Equal(41m, sheet.Modules[0].Score); // 25 + 16
        Assert.Equal(50m, sheet.Modules[0].Max);
        Assert.Equal(32m, sheet.Modules[1].Score);
        Assert.Equal(40m, sheet.Modules[1].Max);
    }

    [Fact]
    public void CompositeIsWeightedShareOfEachModuleMaxTimes100()
    {
        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), HandExampleMarks(), []);

        // 0.6 × 41 / 50 × 100 = 49.2;  0.4 × 32 / 40 × 100 = 32;  49.2 + 32 = 81.2 (exact in decimal).
        Assert.Equal(81.2m, sheet.Composite);
    }

    [Fact]
    public void CompositeCarriesTheUnroundedWorkedExampleAggregate()
    {
        ImmutableArray<Mark> marks =
        [
            .. Marks("P1", 25m, 25m),
            .. Marks("P3", 15m, 16.5m, 17m, 18m, 14.5m), // 48.5 / 3
            .. Marks("E1", 30m, 31m, 32m, 33m, 34m),
        ];

        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), marks, []);

        // practical = 25 + 48.5/3 = 41.1666…; 0.6 × 41.1666… / 50 × 100 = 49.4; + 32 = 81.4.
        Assert.Equal(25m + 48.5m / 3m, sheet.Modules[0].Score);
        Assert.True(Math.Abs(sheet.Composite - 81.4m) < 0.000000000000000000001m, $"composite was {sheet.Composite}");
        Assert.Equal(81.40m, ScoreDisplay.Round(sheet.Composite));
    }

    [Fact]
    public void AggregatesListOneEntryPerCriterionInSchemeOrder()
    {
        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), HandExampleMarks(), []);

        Assert.Equal(["P1", "P3", "E1"], sheet.Criteria.Select(c => c.CriterionId));
        Assert.Equal([CriterionKind.Measurement, CriterionKind.Judgement, CriterionKind.Judgement], sheet.Criteria.Select(c => c.Kind));
        Assert.Equal([25m, 16m, 32m], sheet.Criteria.Select(c => c.Value!.Value));
        Assert.All(sheet.Criteria, c => Assert.True(c.IsFinal));
        Assert.False(sheet.HasOpenFlags);
    }

    [Fact]
    public void UnmarkedCriteriaCountAsZeroAndStayProvisional()
    {
        ImmutableArray<Mark> marks = [.. Marks("P3", 15m, 16m, 17m)];

        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), marks, []);

        Assert.Equal(16m, sheet.Modules[0].Score);
        Assert.Equal(0m, sheet.Modules[1].Score);
        Assert.Null(sheet.Criteria.Single(c => c.CriterionId == "P1").Value);
        Assert.False(sheet.Criteria.Single(c => c.CriterionId == "E1").IsFinal);
        Assert.Equal(19.2m, sheet.Composite); // 0.6 × 16 / 50 × 100
    }

    [Fact]
    public void NoMarksGiveCompositeZero()
    {
        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), [], []);

        Assert.Equal(0m, sheet.Composite);
        Assert.All(sheet.Modules, m => Assert.Equal(0m, m.Score));
    }

    [Fact]
    public void FullMarksEverywhereGiveComposite100()
    {
        ImmutableArray<Mark> marks = [.. Marks("P1", 30m, 30m), .. Marks("P3", 20m, 20m, 20m), .. Marks("E1", 40m, 40m, 40m)];

        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), marks, []);

        Assert.Equal(100m, sheet.Composite);
    }

    [Fact]
    public void ProvisionalAndFlaggedAggregatesStillCountTowardsTheModule()
    {
        ImmutableArray<Mark> marks =
        [
            .. Marks("P1", 25m, 24m),      // disagreement → entry 25 stands, flagged
            .. Marks("P3", 10m, 20m),      // two marks, spread 10 > 4 → mean 15, flagged
        ];

        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), marks, []);

        Assert.Equal(40m, sheet.Modules[0].Score);
        Assert.True(sheet.HasOpenFlags);
    }

    [Fact]
    public void MarksForCriteriaOutsideTheSchemeAreIgnored()
    {
        ImmutableArray<Mark> marks = [.. HandExampleMarks(), .. Marks("X9", 50m, 50m, 50m)];

        var sheet = ScoresheetCalculator.Calculate("C1", SmallScheme(), marks, []);

        Assert.Equal(81.2m, sheet.Composite);
        Assert.DoesNotContain(sheet.Criteria, c => c.CriterionId == "X9");
    }

    [Fact]
    public void ScoresheetCarriesContestantMarksAndCorrections()
    {
        var marks = HandExampleMarks();
        ImmutableArray<MarkCorrection> corrections = [new MarkCorrection("J1", "P3", 14m, 15m, At, "fix-1")];

        var sheet = ScoresheetCalculator.Calculate("C7", SmallScheme(), marks, corrections);

        Assert.Equal("C7", sheet.ContestantId);
        Assert.Equal(marks, sheet.Marks);
        Assert.Equal(corrections, sheet.Corrections);
    }

    [Fact]
    public void ReviewOnlySchemeCompositeIsTheExpertScoreOutOf100()
    {
        ImmutableArray<Mark> marks =
        [
            .. Marks("E1", 30m, 32m, 34m),            // 32
            .. Marks("E2", 20m, 21m, 22m, 23m, 24m),  // 22
            .. Marks("E3", 25m, 25m, 25m),            // 25
        ];

        var sheet = ScoresheetCalculator.Calculate("C1", ReviewOnlyScheme(), marks, []);

        var module = Assert.Single(sheet.Modules);
        Assert.Equal("expert", module.ModuleId);
        Assert.Equal(79m, module.Score);
        Assert.Equal(100m, module.Max);
        Assert.Equal(79m, sheet.Composite); // 1 × 79 / 100 × 100
    }

    [Fact]
    public void SingleModuleOfWeightOneScalesItsMaxTo100()
    {
        var scheme = Scheme("review-50", Module("expert", 1m, Judgement("E1", max: 20m, tolerance: 5m), Judgement("E2", max: 30m, tolerance: 5m)));
        ImmutableArray<Mark> marks = [.. Marks("E1", 15m, 15m, 15m), .. Marks("E2", 22.5m, 22.5m, 22.5m)];

        var sheet = ScoresheetCalculator.Calculate("C1", scheme, marks, []);

        Assert.Equal(37.5m, sheet.Modules[0].Score);
        Assert.Equal(75m, sheet.Composite); // 37.5 / 50 × 100
    }

    [Fact]
    public void CompositeCountsAMissingModuleScoreAsZero()
    {
        var composite = ScoresheetCalculator.Composite(SmallScheme(), [new ModuleScore("expert", 20m, 40m)]);

        Assert.Equal(20m, composite); // 0.4 × 20 / 40 × 100; practical absent → 0
    }

    [Fact]
    public void AggregateDispatchesByCriterionKind()
    {
        var measurement = ScoresheetCalculator.Aggregate(Measurement("P1"), Marks("P1", 25m, 24m));
        var judgement = ScoresheetCalculator.Aggregate(Judgement("P1", max: 30m, tolerance: 4m), Marks("P1", 25m, 24m));

        Assert.Equal(CriterionFlag.MeasurementDisagreement, measurement.Flag);
        Assert.Equal(25m, measurement.Value);
        Assert.Equal(CriterionKind.Judgement, judgement.Kind);
        Assert.Equal(24.5m, judgement.Value);
    }
}
