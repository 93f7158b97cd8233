using Craftsman.Contracts.Contests;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Contests;

[Collection(ClusterCollection.Name)]
public sealed class RoundPhaseTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task RoundMovesForwardOneStepAtATimeToPublished()
    {
        var s = await ContestScenario.ImportAsync(_grains);
        var version = (await s.Contest.GetLeaderboard()).Version;

        foreach (var phase in new[] { RoundPhase.CheckIn, RoundPhase.Live, RoundPhase.Review, RoundPhase.SignedOff, RoundPhase.Published })
        {
            var change = await s.MoveTo(phase);
            Assert.True(change.Succeeded, change.Error);
            Assert.True(change.Version > version);
            version = change.Version;
        }
        var board = await s.Contest.GetLeaderboard();
        Assert.Equal(RoundPhase.Published, board.Phase);
        Assert.All(board.Standings, x => Assert.Equal(ResultStatus.SignedOff, x.Status));
    }

    [Theory]
    [InlineData(RoundPhase.Draft, RoundPhase.Live)]
    [InlineData(RoundPhase.Draft, RoundPhase.Draft)]
    [InlineData(RoundPhase.Live, RoundPhase.CheckIn)]
    [InlineData(RoundPhase.Live, RoundPhase.SignedOff)]
    [InlineData(RoundPhase.Review, RoundPhase.Live)]
    [InlineData(RoundPhase.Published, RoundPhase.Final)]
    public async Task IllegalTransitionIsRefusedAndChangesNothing(RoundPhase from, RoundPhase to)
    {
        var s = await ContestScenario.ImportAsync(_grains, from);
        var before = await s.Contest.GetLeaderboard();

        var change = await s.MoveTo(to);

        Assert.False(change.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(change.Error));
        var after = await s.Contest.GetLeaderboard();
        Assert.Equal((from, before.Version), (after.Phase, after.Version));
    }

    [Fact]
    public async Task RoundWithAnOpenFlagCannotLeaveReview()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        Assert.True((await s.Submit(s.Judges[0], s.Contestants[0], "P1", 25m)).Accepted);
        Assert.True((await s.Submit(s.Judges[1], s.Contestants[0], "P1", 20m)).Accepted);
        Assert.True((await s.MoveTo(RoundPhase.Review)).Succeeded);

        var change = await s.MoveTo(RoundPhase.SignedOff);

        Assert.False(change.Succeeded);
        Assert.Equal("FlagsOpen", change.Code);
        Assert.Equal(RoundPhase.Review, (await s.Contest.GetLeaderboard()).Phase);
    }
}
