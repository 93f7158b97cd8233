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
        var version = (await s.Contest.GetBoard(Audience.Organiser)).Version;

        foreach (var phase in new[] { RoundPhase.CheckIn, RoundPhase.Live, RoundPhase.Review, RoundPhase.SignedOff, RoundPhase.Published })
        {
            if (phase == RoundPhase.Review)
                await s.MarkEverything();
            var change = await s.MoveTo(phase);
            Assert.True(change.Succeeded, change.Error);
            Assert.True(change.Version > version);
            version = change.Version;
        }
        var board = await s.Contest.GetBoard(Audience.Organiser);
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
        var before = await s.Contest.GetBoard(Audience.Organiser);

        var change = await s.MoveTo(to);

        Assert.False(change.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(change.Error));
        var after = await s.Contest.GetBoard(Audience.Organiser);
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
        Assert.Equal(RoundPhase.Review, (await s.Contest.GetBoard(Audience.Organiser)).Phase);
    }

    [Fact]
    public async Task RefusedCommandsLeaveVersionLedgerAndStatusAsTheyWere()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var judge = new Actor(s.Judges[0].Id, ActorRole.Judge);
        var before = (await s.Contest.GetStatus(Audience.Organiser), (await s.Contest.GetLedger()).Count, (await s.Contest.GetBoard(Audience.Organiser)).Version);

        ContestCommand[] commands =
        [
            new MoveRound(RoundPhase.Review), new SetBlind(true), new DrawNumbers(), new FreezeBoard(), new RevealBoard(false),
            new ReopenCriterion(s.Contestants[0].Id, "P3", [s.Judges[1].Id]), new ConfirmCriterion(s.Contestants[0].Id, "P3", "r"),
            new FileAppeal(s.Contestants[0].Id, "P3", "g"), new RuleAppeal(1, true, "r"), new ApproveReveal(),
        ];
        foreach (var command in commands)
        {
            var result = await s.Contest.Execute(judge, command);
            Assert.Equal("Forbidden", result.Code);
        }
        var refusedByPhase = await s.Contest.Execute(Actor.Organiser, new SetBlind(true));
        Assert.Equal("IllegalTransition", refusedByPhase.Code);

        var after = (await s.Contest.GetStatus(Audience.Organiser), (await s.Contest.GetLedger()).Count, (await s.Contest.GetBoard(Audience.Organiser)).Version);
        Assert.Equal(before.Item2, after.Item2);
        Assert.Equal(before.Item3, after.Item3);
        Assert.Equal(before.Item1.LedgerHead, after.Item1.LedgerHead);
        Assert.Equal(before.Item1.Phase, after.Item1.Phase);
    }
}
