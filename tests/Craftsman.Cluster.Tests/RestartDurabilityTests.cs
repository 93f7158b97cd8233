using Craftsman.Rules.Ledger;
using Craftsman.Grains.Tests.Support;
using Craftsman.Silo.Extensions;
using Craftsman.Silo.Storage;
using System.Text.Json;
using Craftsman.Cluster.Tests.Support;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Grains;
using Craftsman.Silo.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Craftsman.Cluster.Tests;

/// <summary>Stops a whole cluster and starts a new one on the same PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartDurabilityTests(PostgresServer server)
{
    [Fact]
    public async Task EveryAcknowledgedMarkSurvivesAClusterRestart()
    {
        var identity = ClusterIdentity.New();
        ContestScenario s;
        Leaderboard before;
        Scoresheet[] sheetsBefore;

        var first = await AdoNetTestCluster.StartAsync(server.ConnectionString, identity);
        try
        {
            // Membership really is the ADO.NET table; grains reach the ADO.NET storage, with Orleans'
            // binary serializer, through the Polly guard.
            Assert.Equal([3], (await server.MembersAsync(identity.ClusterId)).Select(m => m.Status));
            var services = first.Silos[0].ServiceProvider;
            Assert.IsType<ResilientGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Craftsman));
            var database = services.GetRequiredKeyedService<IGrainStorage>(ClusterSiloExtensions.DatabaseStorage);
            Assert.IsType<OrleansGrainStorageSerializer>(Assert.IsType<AdoNetGrainStorage>(database).Serializer);

            s = await ContestScenario.ImportAsync(first.Client, RoundPhase.Live);
            var acks = new List<Task<MarkOutcome>>();
            for (var j = 0; j < s.Judges.Count; j++)
            {
                foreach (var contestant in s.Contestants)
                {
                    acks.Add(s.Submit(s.Judges[j], contestant, "E1", 30m + j));
                    acks.Add(s.Submit(s.Judges[j], contestant, "P3", 10m + j * 0.5m));
                }
            }
            Assert.All(await Task.WhenAll(acks), o => Assert.True(o.Accepted));
            Assert.True((await s.Submit(s.Judges[0], s.Contestants[0], "E1", 39.5m)).IsCorrection);
            before = await s.Contest.GetBoard(Audience.Organiser);
            sheetsBefore = await Task.WhenAll(s.Contestants.Select(c => s.Contestant(c.Id).GetScoresheet()));
        }
        finally
        {
            await AdoNetTestCluster.StopAsync(first);
        }

        var states = await server.QueryAsync(
            "SELECT grain_type, count(*) FROM orleans_grain_state WHERE service_id = @id GROUP BY grain_type ORDER BY 1",
            r => (r.GetString(0), r.GetInt64(1)),
            parameters: ("id", identity.ServiceId));
        // The round keeps no grain state at all (the rows are the edition and the list of editions): its only record is its ledger, every entry a row of our append table.
        Assert.Equal([("edition", 1L), ("edition-registry", 1L)], states);
        var rows = await server.QueryAsync("SELECT count(*) FROM craftsman_ledger WHERE ledger_id = @id", r => r.GetInt64(0),
            parameters: ("id", GrainKeys.Contest(s.EditionId, TestEditions.Occupation)));
        Assert.Equal([before.Version], rows);
        Assert.Equal([6], (await server.MembersAsync(identity.ClusterId)).Select(m => m.Status));

        var second = await AdoNetTestCluster.StartAsync(server.ConnectionString, identity);
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
                Assert.Equal(2 * s.Judges.Count, sheetsAfter[i].Marks.Length);
                Assert.Equal(sheetsBefore[i].Marks.ToList(), sheetsAfter[i].Marks.ToList());
                Assert.Equal(sheetsBefore[i].Corrections.ToList(), sheetsAfter[i].Corrections.ToList());
                Assert.Equal(sheetsBefore[i].Composite, sheetsAfter[i].Composite);
            }
            var ledger = await again.Contest.GetLedger();
            Assert.Equal(after.Version, ledger[^1].Sequence);
            Assert.Null(LedgerChain.Verify(ledger));
            var document = await second.Client.GetGrain<IEditionGrain>(s.EditionId).GetDocument();
            Assert.Equal(JsonSerializer.Serialize(s.Document, SampleEdition.JsonOptions), JsonSerializer.Serialize(document, SampleEdition.JsonOptions));

            // The first cluster's silo left a Dead row; the defunct-silo cleanup removes exactly that one.
            Assert.Equal([6, 3], (await server.MembersAsync(identity.ClusterId)).Select(m => m.Status));
            var membership = second.Silos[0].ServiceProvider.GetRequiredService<IMembershipTable>();
            await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow);
            Assert.Equal([3], (await server.MembersAsync(identity.ClusterId)).Select(m => m.Status));
        }
        finally
        {
            await AdoNetTestCluster.StopAsync(second);
        }
    }
}
