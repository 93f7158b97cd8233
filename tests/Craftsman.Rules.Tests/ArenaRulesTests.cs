using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class ArenaRulesTests
{
    private const decimal Qualifying = 60m;

    [Fact]
    public void NoStandingsArePending()
    {
        var result = ArenaRules.Decide(ContestMode.Competition, [], Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.Pending, null), result);
    }

    [Fact]
    public void StandingsWithoutMarksArePending()
    {
        Standing[] standings =
        [
            Standing(1, "S1", ContestantRole.Seed, 0m, markCount: 0),
            Standing(1, "C1", ContestantRole.Challenger, 0m, markCount: 0),
        ];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.Pending, null), result);
    }

    [Fact]
    public void SeedOnTopHoldsTheArenaAndIsTheCandidate()
    {
        Standing[] standings =
        [
            Standing(1, "S1", ContestantRole.Seed, 85m),
            Standing(2, "C1", ContestantRole.Challenger, 80m),
            Standing(3, "C2", ContestantRole.Challenger, 70m),
        ];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.SeedHeld, "S1"), result);
    }

    [Fact]
    public void ChallengerAloneOnTopTakesTheArenaAndIsTheCandidate()
    {
        Standing[] standings =
        [
            Standing(1, "C1", ContestantRole.Challenger, 88m),
            Standing(2, "S1", ContestantRole.Seed, 85m),
            Standing(3, "C2", ContestantRole.Challenger, 70m),
        ];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.ChallengerTook, "C1"), result);
    }

    [Fact]
    public void TopBelowQualifyingIsNotQualifiedWithNoCandidate()
    {
        Standing[] standings =
        [
            Standing(1, "C1", ContestantRole.Challenger, 59.5m),
            Standing(2, "S1", ContestantRole.Seed, 55m),
        ];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.NotQualified, null), result);
    }

    [Fact]
    public void SeedOnTopBelowQualifyingIsNotQualified()
    {
        Standing[] standings = [Standing(1, "S1", ContestantRole.Seed, 59.99m), Standing(2, "C1", ContestantRole.Challenger, 50m)];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.NotQualified, null), result);
    }

    [Fact]
    public void TopExactlyAtQualifyingScoreQualifies()
    {
        Standing[] standings = [Standing(1, "C1", ContestantRole.Challenger, 60m), Standing(2, "S1", ContestantRole.Seed, 58m)];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.ChallengerTook, "C1"), result);
    }

    [Fact]
    public void SeedAndChallengerSharingFirstPlaceIsSeedHeldWithNoCandidate()
    {
        Standing[] standings =
        [
            Standing(1, "C1", ContestantRole.Challenger, 82m),
            Standing(1, "S1", ContestantRole.Seed, 82m),
            Standing(3, "C2", ContestantRole.Challenger, 70m),
        ];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.SeedHeld, null), result);
    }

    [Fact]
    public void TwoChallengersSharingFirstPlaceTakeTheArenaWithNoCandidate()
    {
        Standing[] standings =
        [
            Standing(1, "C1", ContestantRole.Challenger, 82m),
            Standing(1, "C2", ContestantRole.Challenger, 82m),
            Standing(3, "S1", ContestantRole.Seed, 70m),
        ];

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.ChallengerTook, null), result);
    }

    [Fact]
    public void ReviewModeIsNotApplicableButNamesAQualifyingCandidate()
    {
        Standing[] standings = [Standing(1, "S1", ContestantRole.Seed, 79m), Standing(2, "C1", ContestantRole.Challenger, 75m)];

        var result = ArenaRules.Decide(ContestMode.Review, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.NotApplicable, "S1"), result);
    }

    [Fact]
    public void ReviewModeBelowQualifyingIsNotApplicableWithNoCandidate()
    {
        Standing[] standings = [Standing(1, "S1", ContestantRole.Seed, 50m)];

        var result = ArenaRules.Decide(ContestMode.Review, standings, Qualifying);

        Assert.Equal(new ArenaResult(ArenaOutcome.NotApplicable, null), result);
    }

    [Fact]
    public void ReviewModeWithoutMarksIsNotApplicableWithNoCandidate()
    {
        Standing[] standings = [Standing(1, "S1", ContestantRole.Seed, 0m, markCount: 0)];

        var result = ArenaRules.Decide(ContestMode.Review, standings, 0m);

        Assert.Equal(new ArenaResult(ArenaOutcome.NotApplicable, null), result);
    }

    [Fact]
    public void RankedStandingsFromRankingDecideTheArena()
    {
        var standings = Ranking.Rank(
        [
            Entry("S1", 81m, practical: 80m, expert: 83.3333m, role: ContestantRole.Seed),
            Entry("C1", 81m, practical: 82m, expert: 78.6666m, role: ContestantRole.Challenger),
        ], RoundPhase.Live);

        var result = ArenaRules.Decide(ContestMode.Competition, standings, Qualifying);

        // Composite tie broken by the practical score: the challenger is alone at rank 1.
        Assert.Equal(new ArenaResult(ArenaOutcome.ChallengerTook, "C1"), result);
    }
}
