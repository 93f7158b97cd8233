using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Round;
using Craftsman.Rules.Ledger;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Contests;

/// <summary>
/// A long round: hundreds of entries, read back and replayed at every activation, yet it
/// exports whole and verifies, old keys still answer with their first outcome, and all of it
/// survives a restart.
/// </summary>
public sealed class LongLedgerTests
{
    [Fact]
    public async Task A_long_ledger_stays_whole_verifiable_and_idempotent_across_a_restart()
    {
        var path = TestClusterHost.NewDatabasePath();
        ContestScenario s;
        LedgerSnapshot before;
        MarkSubmission firstMark;
        MarkOutcome firstOutcome;

        var first = await TestClusterHost.StartAsync(path);
        try
        {
            s = await ContestScenario.ImportAsync(first.Client, RoundPhase.Live);
            var marks = new List<MarkSubmission>();
            // Judgement criteria only, corrected round after round, so every mark is accepted.
            for (var round = 0; round < 6; round++)
                foreach (var contestant in s.Contestants)
                    foreach (var judge in s.Judges)
                        foreach (var (criterion, value) in new[] { ("P3", 10m), ("P4", 5m), ("E1", 20m), ("E2", 15m), ("E3", 15m), ("P3", 11m) })
                            marks.Add(new MarkSubmission($"m{marks.Count}", judge.Id, contestant.Id, criterion, value + round));
            Assert.True(marks.Count > 100);
            firstMark = marks[0];
            var outcomes = new List<MarkOutcome>();
            foreach (var batch in marks.Chunk(40))
                outcomes.AddRange(await s.Contest.SubmitMarks([.. batch]));
            Assert.All(outcomes, o => Assert.True(o.Accepted, o.Rejection?.Message));
            firstOutcome = outcomes[0];
            before = await Snapshot(s);
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
            var after = await Snapshot(again);
            Assert.Equal(before.Version, after.Version);
            Assert.Equal(before.Entries, after.Entries);
            Assert.Equal(after.Version, after.Entries[^1].Sequence);
            Assert.Null(LedgerChain.Verify(after.Entries));
            Assert.Equal(after.Entries[^1].Hash, (await again.Contest.GetStatus(Audience.Organiser)).LedgerHead);
            Assert.Null(LedgerReplay.Replay(after.Entries).FirstMismatch);

            // Every correction is still in the contestants' scoresheets, replayed from the ledger.
            var sheets = await Task.WhenAll(again.Contestants.Select(c => again.Contestant(c.Id).GetScoresheet()));
            var cells = sheets.Sum(sheet => sheet.Marks.Length);
            Assert.Equal(after.Entries.Count(e => e.Kind == LedgerKinds.Mark) - cells, sheets.Sum(sheet => sheet.Corrections.Length));

            // The very first mark: resent, it answers as it did then and changes nothing.
            var resent = await again.Contest.SubmitMark(firstMark);
            Assert.Equal(firstOutcome, resent);
            var changedKey = await again.Contest.SubmitMark(firstMark with { Value = firstMark.Value + 1 });
            Assert.Equal(MarkRejectionCode.IdempotencyKeyReused, changedKey.Rejection?.Code);
            var unchanged = await Snapshot(again);
            Assert.Equal(after.Version, unchanged.Version);
            Assert.Equal(after.Entries.Count, unchanged.Entries.Count);

            // And the round goes on: the next mark links onto the chain read back.
            var nextMark = new MarkSubmission("after-restart", again.Judges[0].Id, again.Contestants[0].Id, "P3", 20m);
            var next = await again.Contest.SubmitMark(nextMark);
            Assert.Equal(after.Version + 1, next.Version);
            Assert.Null(LedgerChain.Verify(await again.Contest.GetLedger()));

            // Once the round has left Live, a resend of a stored mark still says it was stored — however long ago.
            Assert.True((await again.MoveTo(RoundPhase.Review)).Succeeded);
            Assert.Equal(firstOutcome, await again.Contest.SubmitMark(firstMark));
            Assert.Equal(next, await again.Contest.SubmitMark(nextMark));
            Assert.Equal(MarkRejectionCode.RoundNotLive, (await again.Submit(again.Judges[0], again.Contestants[0], "P3", 19m)).Rejection?.Code);
        }
        finally
        {
            await second.StopAllSilosAsync();
            await second.DisposeAsync();
        }
    }

    private sealed record LedgerSnapshot(long Version, IReadOnlyList<LedgerEntry> Entries);

    private static async Task<LedgerSnapshot> Snapshot(ContestScenario s) =>
        new((await s.Contest.GetBoard(Audience.Organiser)).Version, await s.Contest.GetLedger());
}
