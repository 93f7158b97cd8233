using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Rules.Scoring;
using static Craftsman.Rules.Tests.TestData;

namespace Craftsman.Rules.Tests;

public class RankingTests
{
    [Fact]
    public void OrdersByCompositeDescending()
    {
        var entries = new[] { Entry("A", 70m), Entry("B", 90m), Entry("C", 80m) };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal(["B", "C", "A"], standings.Select(s => s.ContestantId));
        Assert.Equal([1, 2, 3], standings.Select(s => s.Rank));
    }

    [Fact]
    public void CompositeTieIsBrokenByHigherPracticalScore()
    {
        // Same composite (e.g. 0.7 × P + 0.3 × E reached two ways); B is better in the practical.
        var entries = new[] { Entry("A", 80m, practical: 75m, expert: 91.6666m), Entry("B", 80m, practical: 80m, expert: 80m) };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal(["B", "A"], standings.Select(s => s.ContestantId));
        Assert.Equal([1, 2], standings.Select(s => s.Rank));
    }

    [Fact]
    public void CompositeAndPracticalTieIsBrokenByHigherExpertScore()
    {
        var entries = new[] { Entry("A", 80m, practical: 80m, expert: 79m), Entry("B", 80m, practical: 80m, expert: 81m) };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal(["B", "A"], standings.Select(s => s.ContestantId));
        Assert.Equal([1, 2], standings.Select(s => s.Rank));
    }

    [Fact]
    public void HigherCompositeWinsOverHigherPractical()
    {
        var entries = new[] { Entry("A", 80m, practical: 99m), Entry("B", 80.5m, practical: 50m) };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal(["B", "A"], standings.Select(s => s.ContestantId));
    }

    [Fact]
    public void FullTieSharesTheRankAndSkipsTheNext()
    {
        var entries = new[]
        {
            Entry("C", 70m, practical: 70m, expert: 70m),
            Entry("B", 80m, practical: 80m, expert: 80m),
            Entry("A", 80m, practical: 80m, expert: 80m),
        };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal([1, 1, 3], standings.Select(s => s.Rank));
        Assert.Equal(["A", "B", "C"], standings.Select(s => s.ContestantId)); // shared rank listed by id
    }

    [Fact]
    public void SharedRankInTheMiddleSkipsOnlyTheFollowingRank()
    {
        var entries = new[]
        {
            Entry("A", 90m, practical: 90m, expert: 90m),
            Entry("B", 80m, practical: 80m, expert: 80m),
            Entry("C", 80m, practical: 80m, expert: 80m),
            Entry("D", 80m, practical: 80m, expert: 80m),
            Entry("E", 60m, practical: 60m, expert: 60m),
        };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal([1, 2, 2, 2, 5], standings.Select(s => s.Rank));
    }

    [Fact]
    public void CompositesDifferingOnlyInDecimalResidueAreATie()
    {
        // 0.7 × (48.5/3) reached by different sums can differ in the 28th digit.
        var entries = new[]
        {
            Entry("A", 80m, practical: 80m, expert: 80m),
            Entry("B", 79.999999999999999999999999m, practical: 80m, expert: 80m),
        };

        var standings = Ranking.Rank(entries, RoundPhase.Live);

        Assert.Equal([1, 1], standings.Select(s => s.Rank));
    }

    [Fact]
    public void SchemeWithoutPracticalModuleBreaksTiesOnExpert()
    {
        var a = new RankingEntry("A", "A", ContestantRole.Seed, 79m, [new ModuleScore("expert", 79m, 100m)], 9, false);
        var b = new RankingEntry("B", "B", ContestantRole.Challenger, 79m, [new ModuleScore("expert", 79.5m, 100m)], 9, false);

        var standings = Ranking.Rank([a, b], RoundPhase.Live);

        Assert.Equal(["B", "A"], standings.Select(s => s.ContestantId));
        Assert.Equal([1, 2], standings.Select(s => s.Rank));
    }

    [Fact]
    public void StandingCarriesTheEntry()
    {
        var entry = Entry("A", 81.2m, practical: 82m, expert: 80m, role: ContestantRole.Seed, markCount: 17) with { HasOpenFlags = true };

        var standing = Assert.Single(Ranking.Rank([entry], RoundPhase.Live));

        Assert.Equal(1, standing.Rank);
        Assert.Equal("A", standing.ContestantId);
        Assert.Equal("Name A", standing.Name);
        Assert.Equal(ContestantRole.Seed, standing.Role);
        Assert.Equal(81.2m, standing.Composite);
        Assert.Equal(entry.Modules, standing.Modules);
        Assert.Equal(17, standing.MarkCount);
        Assert.True(standing.HasOpenFlags);
    }

    [Fact]
    public void NoEntriesGiveNoStandings()
    {
        Assert.Empty(Ranking.Rank([], RoundPhase.Live));
    }

    [Theory]
    [InlineData(RoundPhase.Draft, ResultStatus.Provisional)]
    [InlineData(RoundPhase.CheckIn, ResultStatus.Provisional)]
    [InlineData(RoundPhase.Live, ResultStatus.Provisional)]
    [InlineData(RoundPhase.Review, ResultStatus.Provisional)]
    [InlineData(RoundPhase.SignedOff, ResultStatus.SignedOff)]
    [InlineData(RoundPhase.Published, ResultStatus.SignedOff)]
    [InlineData(RoundPhase.Final, ResultStatus.Official)]
    public void StatusFollowsThePhase(RoundPhase phase, ResultStatus expected)
    {
        var standings = Ranking.Rank([Entry("A", 80m), Entry("B", 70m)], phase);

        Assert.All(standings, s => Assert.Equal(expected, s.Status));
        Assert.Equal(expected, Ranking.StatusFor(phase));
    }
}
