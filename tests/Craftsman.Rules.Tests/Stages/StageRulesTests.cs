using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Rules.Stages;

namespace Craftsman.Rules.Tests.Stages;

public sealed class StageRulesTests
{
    private static Standing Line(string id, int rank, decimal composite, ContestantRole role = ContestantRole.Challenger) =>
        new(rank, id, id, role, composite, [], ResultStatus.SignedOff, 1, false);

    [Fact]
    public void AdvancementTakesEveryoneTiedAtTheCutOff()
    {
        var standings = new[] { Line("a", 1, 90), Line("b", 2, 85), Line("c", 3, 80), Line("d", 3, 80), Line("e", 5, 70) };

        Assert.Equal(["a", "b", "c", "d"], AdvancementRules.Decide(standings, 3).ToArray());
        Assert.Equal(["a", "b"], AdvancementRules.Decide(standings, 2).ToArray());
    }

    [Fact]
    public void AdvancementReadsTiesAtThePublishedTwoPlacesAndSkipsThoseNotCompeting()
    {
        var standings = new[] { Line("a", 1, 80.004m), Line("b", 2, 79.996m), Line("c", 3, 70), Line("x", 0, 0) with { Absence = AbsenceKind.Absent } };

        Assert.Equal(["a", "b"], AdvancementRules.Decide(standings, 1).ToArray());
        Assert.Equal(["a", "b", "c"], AdvancementRules.Decide(standings, 5).ToArray());
        Assert.Empty(AdvancementRules.Decide(standings, 0));
    }

    /// <summary>For random boards: at least N advance (when N are ranked), nobody below the cut-off, everyone at or above it.</summary>
    [Fact]
    public void AdvancementPropertiesHoldForRandomBoards()
    {
        var random = new Random(20261201);
        for (var run = 0; run < 500; run++)
        {
            var count = random.Next(1, 12);
            var standings = Enumerable.Range(0, random.Next(0, 20))
                .Select(i => Line($"c{i:D2}", 1, random.Next(0, 8) * 5m))
                .ToList();
            var advanced = AdvancementRules.Decide(standings, count);

            Assert.Equal(Math.Min(count, standings.Count), Math.Min(count, advanced.Length));
            Assert.Equal(advanced.Length, advanced.Distinct().Count());
            if (advanced.Length == 0)
                continue;
            var cut = standings.Where(s => advanced.Contains(s.ContestantId)).Min(s => s.Composite);
            Assert.All(standings, s => Assert.Equal(s.Composite >= cut, advanced.Contains(s.ContestantId)));
            // More than N only when the N-th is tied with the next.
            if (advanced.Length > count)
                Assert.True(standings.Count(s => s.Composite == cut) > 1);
        }
    }

    [Fact]
    public void CompositeIsTheWeightedSumOfTheStagesWithZeroForAStageMissed()
    {
        var final = new WeightedBoard("final", 0.7m, true, [Line("seed", 1, 90, ContestantRole.Seed), Line("ch", 2, 80)]);
        var review = new WeightedBoard("review", 0.3m, false, [Line("ch", 1, 100)]);

        var lines = CompositeRules.Compute([final, review]);

        Assert.Equal(["ch", "seed"], lines.Select(l => l.ContestantId));
        Assert.Equal(86m, lines[0].Composite);
        Assert.Equal(63m, lines[1].Composite);
        Assert.Equal(ArenaOutcome.ChallengerTook, CompositeRules.Arena(ContestMode.Competition, lines, 60).Outcome);
        Assert.Equal(ArenaOutcome.NotQualified, CompositeRules.Arena(ContestMode.Competition, lines, 90).Outcome);
    }

    [Fact]
    public void ACompositeTieGoesToTheMainStageThenSharesTheRankAndNamesNoCandidate()
    {
        var final = new WeightedBoard("final", 0.5m, true, [Line("a", 1, 80), Line("b", 2, 70), Line("c", 2, 70)]);
        var review = new WeightedBoard("review", 0.5m, false, [Line("a", 1, 60), Line("b", 1, 70), Line("c", 1, 70)]);

        var lines = CompositeRules.Compute([final, review]);

        Assert.Equal([1, 2, 2], lines.Select(l => l.Rank));
        Assert.Equal("a", lines[0].ContestantId);
        var tiedTop = CompositeRules.Compute([new WeightedBoard("final", 1m, true, [Line("s", 1, 80, ContestantRole.Seed), Line("t", 1, 80)])]);
        var arena = CompositeRules.Arena(ContestMode.Competition, tiedTop, 60);
        Assert.Equal(ArenaOutcome.SeedHeld, arena.Outcome);
        Assert.Null(arena.TitleCandidateId);
    }

    private static readonly Stage Selection = new("selection", new("选拔", "Selection"), null, null, 3, 0);
    private static readonly Stage Final = new("final", new("决赛", "Final"), null, null, null, 0.7m);
    private static readonly Stage Review = new("review", new("评审", "Review"), null, null, null, 0.3m);
    private static readonly Occupation Lift = new("lift", new("电梯", "Lift"), ContestMode.Competition, "s", null) { Stages = [Selection, Final, Review] };
    private static readonly Contestant[] Listed = [new("S1", "Seed", "E", "lift", ContestantRole.Seed), new("C1", "Ch", "E", "lift", ContestantRole.Challenger)];
    private static readonly Contestant[] Accepted = [new("lift-R001", "Entrant", "E", "lift", ContestantRole.Challenger)];

    [Fact]
    public void TheSelectionTakesChallengersAndAcceptedEntrantsAndTheFinalTheSeedsAndThoseAdvanced()
    {
        var (selection, _) = StageEntrants.For(Lift, Selection, Listed, Accepted, null);
        Assert.Equal(["C1", "lift-R001"], selection.Select(c => c.Id));

        var waiting = StageEntrants.For(Lift, Final, Listed, Accepted, new PreviousStage(Selection, null, selection));
        Assert.Equal(Contracts.Stages.StageRefusalCode.PreviousStageNotAdvanced, waiting.Refusal?.Code);

        var (final, refusal) = StageEntrants.For(Lift, Final, Listed, Accepted, new PreviousStage(Selection, ["lift-R001"], selection));
        Assert.Null(refusal);
        Assert.Equal(["S1", "lift-R001"], final.Select(c => c.Id));

        var (review, _) = StageEntrants.For(Lift, Review, Listed, Accepted, new PreviousStage(Final, null, final));
        Assert.Equal(["S1", "lift-R001"], review.Select(c => c.Id));
    }

    [Fact]
    public void TheMainStageIsTheFinalAndKeepsTheOccupationsKey()
    {
        Assert.Equal("final", StageKey.MainStage(Lift)?.Id);
        Assert.Equal("2031/lift", StageKey.Of("2031", Lift, "final").GrainKey);
        Assert.Equal("2031/lift~selection", StageKey.Of("2031", Lift, "selection").GrainKey);
        Assert.Equal(new StageKey("2031", "lift", "review"), StageKey.Parse("2031/lift~review"));
        Assert.True(StageKey.Exists([Lift], "lift~review"));
        Assert.False(StageKey.Exists([Lift], "lift~final"));
        Assert.False(StageKey.Exists([Lift], "lift~nothing"));
    }
}
