using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Contests;

/// <summary>Stops the whole cluster and starts a new one on the same SQLite file.</summary>
public sealed class RestartDurabilityTests
{
    [Fact]
    public async Task EveryAcknowledgedMarkSurvivesAClusterRestart()
    {
        var path = TestClusterHost.NewDatabasePath();
        Leaderboard before;
        Contracts.Contestants.Scoresheet[] sheetsBefore;
        ContestScenario s;

        var first = await TestClusterHost.StartAsync(path);
        try
        {
            s = await ContestScenario.ImportAsync(first.Client, RoundPhase.Live);
            var acks = new List<Task<Contracts.Marking.MarkOutcome>>();
            foreach (var contestant in s.Contestants)
                foreach (var judge in s.Judges)
                    acks.Add(s.Submit(judge, contestant, "E1", 30m + s.Judges.ToList().IndexOf(judge)));
            Assert.All(await Task.WhenAll(acks), o => Assert.True(o.Accepted));
            Assert.True((await s.Submit(s.Judges[0], s.Contestants[0], "E1", 39.5m)).IsCorrection);
            before = await s.Contest.GetBoard(Audience.Organiser);
            sheetsBefore = await Task.WhenAll(s.Contestants.Select(c => s.Contestant(c.Id).GetScoresheet()));
        }
        finally
        {
            await first.StopAllSilosAsync();
            await first.DisposeAsync();
        }

        var second = await TestClusterHost.StartAsync(path);
        try
        {
            var again = new ContestScenario(second.Client, s.Document);
            var after = await again.Contest.GetBoard(Audience.Organiser);
            var sheetsAfter = await Task.WhenAll(s.Contestants.Select(c => again.Contestant(c.Id).GetScoresheet()));

            Assert.Equal(before.Version, after.Version);
            Assert.Equal(before.Phase, after.Phase);
            Assert.Equal(before.Standings.Select(x => (x.ContestantId, x.Rank, x.Composite, x.MarkCount)),
                after.Standings.Select(x => (x.ContestantId, x.Rank, x.Composite, x.MarkCount)));
            for (var i = 0; i < sheetsBefore.Length; i++)
            {
                Assert.Equal(sheetsBefore[i].Marks.ToList(), sheetsAfter[i].Marks.ToList());
                Assert.Equal(sheetsBefore[i].Corrections.ToList(), sheetsAfter[i].Corrections.ToList());
            }
            Assert.NotNull(await second.Client.GetGrain<IEditionGrain>(s.EditionId).GetDocument());
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }
}
