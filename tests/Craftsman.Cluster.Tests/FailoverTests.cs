using Craftsman.Grains.Tests.Support;
using System.Collections.Concurrent;
using System.Diagnostics;
using Craftsman.Cluster.Tests.Support;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Xunit.Abstractions;

namespace Craftsman.Cluster.Tests;

/// <summary>Two silos on PostgreSQL membership and storage; one dies in the middle of a round.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FailoverTests(PostgresServer server, ITestOutputHelper output)
{
    /// <summary>Bounds the whole test; a submission is retried (same idempotency key) until then.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private sealed record Planned(string Occupation, int JudgeIndex, MarkSubmission Submission);

    [Fact]
    public async Task EveryAcknowledgedMarkSurvivesTheLossOfASiloMidRound()
    {
        var identity = ClusterIdentity.New();
        var clock = Stopwatch.StartNew();
        var cluster = await AdoNetTestCluster.StartAsync(server.ConnectionString, identity, silos: 2);
        try
        {
            Assert.Equal([3, 3], (await server.MembersAsync(identity.ClusterId)).Select(m => m.Status));
            output.WriteLine($"cluster up at {clock.Elapsed}");
            var grains = cluster.Client;
            var document = TestEditions.Sample(TestEditions.NewId());
            var editionId = document.Edition.Id;
            IContestGrain Contest(string occupation) => grains.GetGrain<IContestGrain>(GrainKeys.Contest(editionId, occupation));

            var import = await grains.GetGrain<IEditionGrain>(editionId).Import(document);
            Assert.True(import.Imported, string.Join("; ", import.Errors));
            await Task.WhenAll(document.Occupations.Select(async o =>
            {
                Assert.True((await Contest(o.Code).Execute(Actor.Organiser, new MoveRound(RoundPhase.CheckIn))).Succeeded);
                foreach (var c in document.Contestants.Where(c => c.Occupation == o.Code))
                    Assert.True((await Contest(o.Code).Execute(Actor.Organiser, new CheckInContestant(c.Id))).Succeeded);
                Assert.True((await Contest(o.Code).Execute(Actor.Organiser, new MoveRound(RoundPhase.Live))).Succeeded);
            }));

            output.WriteLine($"edition imported and live at {clock.Elapsed}");
            // Every judge marks E1 (in every scheme) for every contestant of their occupation.
            var panels = document.Judges.Where(j => j.Role == JudgeRole.Judge)
                .GroupBy(j => j.Occupation).ToDictionary(g => g.Key, g => g.ToList());
            var planned = document.Contestants
                .SelectMany((c, ci) => panels[c.Occupation].Select((judge, ji) => new Planned(c.Occupation, ji,
                    new MarkSubmission(Guid.NewGuid().ToString("N"), judge.Id, c.Id, "E1", 20m + ji + (ci % 8) * 0.5m))))
                .ToList();
            var acknowledged = new ConcurrentDictionary<string, MarkOutcome>();
            var failedAttempts = 0;

            async Task Submit(IEnumerable<Planned> marks) =>
                await Parallel.ForEachAsync(marks, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) =>
                {
                    while (true)
                    {
                        try
                        {
                            var outcome = await Contest(p.Occupation).SubmitMark(p.Submission);
                            Assert.True(outcome.Accepted, $"{p.Submission} was rejected: {outcome.Rejection}");
                            acknowledged[p.Submission.IdempotencyKey] = outcome;
                            return;
                        }
                        catch (Exception e) when (e is not Xunit.Sdk.XunitException && clock.Elapsed < Deadline)
                        {
                            // Not acknowledged: resend with the same idempotency key, as a tablet would.
                            Interlocked.Increment(ref failedAttempts);
                            await Task.Delay(TimeSpan.FromMilliseconds(250));
                        }
                    }
                });

            // Wave 1 (judges 1-2) on two silos; wave 2 (judges 3-4) while a silo is killed; wave 3
            // (judge 5) only after, on the survivor.
            var wave1 = planned.Where(p => p.JudgeIndex < 2).ToList();
            var wave2 = planned.Where(p => p.JudgeIndex is 2 or 3).ToList();
            var wave3 = planned.Where(p => p.JudgeIndex >= 4).ToList();
            await Submit(wave1);
            Assert.Equal(0, failedAttempts);
            output.WriteLine($"wave 1 done at {clock.Elapsed}");

            var during = Submit(wave2);
            while (acknowledged.Count < wave1.Count + wave2.Count / 4 && !during.IsCompleted)
                await Task.Delay(5);
            var victim = cluster.Silos[1];
            var killedAfter = acknowledged.Count;
            await cluster.KillSiloAsync(victim);
            var killed = clock.Elapsed;
            await during;
            var afterKillWave2 = acknowledged.Count;
            output.WriteLine($"wave 2 done at {clock.Elapsed}");

            await Submit(wave3);
            output.WriteLine($"{planned.Count} marks over {document.Occupations.Length} occupations; silo killed after {killedAfter} acks at {killed}; " +
                $"{afterKillWave2 - killedAfter} wave-2 acks after the kill began; {failedAttempts} failed attempts resent; done at {clock.Elapsed}.");

            Assert.Equal(planned.Count, acknowledged.Count);
            Assert.True(acknowledged.Count > afterKillWave2, "no submission was acknowledged after the kill");

            // The survivor declares the killed silo dead in the PostgreSQL membership table.
            var members = await server.MembersAsync(identity.ClusterId);
            while (!members.Contains((victim.Name, 6)) && clock.Elapsed < Deadline)
            {
                await Task.Delay(200);
                members = await server.MembersAsync(identity.ClusterId);
            }
            Assert.Contains((victim.Name, 6), members);
            Assert.Contains((cluster.Silos[0].Name, 3), members);

            // Every acknowledged mark is on its contestant's scoresheet, once, and on the leaderboard.
            foreach (var occupation in document.Occupations)
            {
                var contestants = document.Contestants.Where(c => c.Occupation == occupation.Code).ToList();
                var sheets = await Task.WhenAll(contestants.Select(c =>
                    grains.GetGrain<Contracts.Contestants.IContestantGrain>(GrainKeys.Contestant(editionId, c.Id)).GetScoresheet()));
                foreach (var sheet in sheets)
                {
                    var expected = planned.Where(p => p.Submission.ContestantId == sheet.ContestantId).ToList();
                    Assert.Equal(expected.Count, sheet.Marks.Length);
                    foreach (var p in expected)
                    {
                        Assert.True(acknowledged.ContainsKey(p.Submission.IdempotencyKey));
                        var mark = Assert.Single(sheet.Marks, m => m.IdempotencyKey == p.Submission.IdempotencyKey);
                        Assert.Equal((p.Submission.JudgeId, p.Submission.CriterionId, p.Submission.Value), (mark.JudgeId, mark.CriterionId, mark.Value));
                    }
                }
                var board = await Contest(occupation.Code).GetBoard(Audience.Organiser);
                Assert.Equal(sheets.Select(s => (s.ContestantId, s.Marks.Length)).Order(),
                    board.Standings.Select(s => (s.ContestantId, s.MarkCount)).Order());
            }
        }
        finally
        {
            await AdoNetTestCluster.StopAsync(cluster);
        }
    }
}
