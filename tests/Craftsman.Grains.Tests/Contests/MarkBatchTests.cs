using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Contests;

/// <summary>Several marks in one call: one write, each mark its own outcome, version and ledger entry, in the order sent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MarkBatchTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_batch_answers_each_mark_in_order_with_consecutive_versions_and_one_ledger_entry_each()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var (a, b) = (s.Contestants[0], s.Contestants[1]);
        var before = await s.Contest.GetBoard(Audience.Organiser);
        var ledgerBefore = (await s.Contest.GetLedger()).Count;
        MarkSubmission Mark(string key, int judge, string contestant, string criterion, decimal value) =>
            new(key, s.Judges[judge].Id, contestant, criterion, value);

        var batch = new[]
        {
            Mark("k1", 0, a.Id, "P3", 15m),
            Mark("k2", 1, b.Id, "P3", 12m),
            Mark("k3", 0, a.Id, "P3", 21m),      // out of range: refused, nothing else held up
            Mark("k1", 0, a.Id, "P3", 15m),      // the same mark again in the batch: the first one's outcome
            Mark("k2", 2, b.Id, "P3", 11m),      // a known key on another mark: refused
            Mark("k4", 0, a.Id, "P3", 16m),      // a correction of k1, after it
            Mark("k5", 1, a.Id, "P4", 8m),
        };

        var outcomes = await s.Contest.SubmitMarks([.. batch]);

        Assert.Equal(batch.Select(m => m.IdempotencyKey), outcomes.Select(o => o.IdempotencyKey));
        Assert.Equal([true, true, false, true, false, true, true], outcomes.Select(o => o.Accepted));
        Assert.Equal(MarkRejectionCode.MarkOutOfRange, outcomes[2].Rejection!.Code);
        Assert.Equal(MarkRejectionCode.IdempotencyKeyReused, outcomes[4].Rejection!.Code);
        Assert.Equal(outcomes[0], outcomes[3]);
        Assert.True(outcomes[5].IsCorrection);
        var v = before.Version;
        Assert.Equal([v + 1, v + 2, v + 3, v + 4], new[] { outcomes[0], outcomes[1], outcomes[5], outcomes[6] }.Select(o => o.Version));

        var board = await s.Contest.GetBoard(Audience.Organiser);
        Assert.Equal(v + 4, board.Version);
        var sheetA = await s.Contestant(a.Id).GetScoresheet();
        Assert.Equal(16m, sheetA.Marks.Single(m => m.JudgeId == s.Judges[0].Id && m.CriterionId == "P3").Value);
        Assert.Equal(8m, sheetA.Marks.Single(m => m.CriterionId == "P4").Value);
        Assert.Equal(12m, (await s.Contestant(b.Id).GetScoresheet()).Marks.Single().Value);
        Assert.Equal(2, board.Standings.Single(x => x.ContestantId == a.Id).MarkCount);

        var ledger = await s.Contest.GetLedger();
        var marks = ledger.Skip(ledgerBefore).ToList();
        Assert.Equal(["mark", "mark", "mark", "mark"], marks.Select(e => e.Kind));
        Assert.Equal(["k1", "k2", "k4", "k5"], marks.Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("key").GetString()));
        Assert.Null(Craftsman.Rules.Ledger.LedgerChain.Verify(ledger));

        // The whole batch again (a gateway that never saw the answer): the same outcomes, nothing changed.
        var again = await s.Contest.SubmitMarks([.. batch]);
        Assert.Equal(outcomes.Select(o => (o.Accepted, o.Version, o.IsCorrection)), again.Select(o => (o.Accepted, o.Version, o.IsCorrection)));
        Assert.Equal(v + 4, (await s.Contest.GetBoard(Audience.Organiser)).Version);
        Assert.Equal(ledger.Count, (await s.Contest.GetLedger()).Count);
    }

    [Fact]
    public async Task A_batch_of_refused_marks_writes_nothing()
    {
        var s = await ContestScenario.ImportAsync(_grains, RoundPhase.Live);
        var before = await s.Contest.GetBoard(Audience.Organiser);
        var ledger = (await s.Contest.GetLedger()).Count;

        var outcomes = await s.Contest.SubmitMarks(
        [
            new MarkSubmission("r1", s.Judges[0].Id, s.Contestants[0].Id, "P3", 15.25m),
            new MarkSubmission("r2", s.Chief.Id, s.Contestants[0].Id, "P3", 10m),
        ]);

        Assert.All(outcomes, o => Assert.False(o.Accepted));
        Assert.Equal(before.Version, (await s.Contest.GetBoard(Audience.Organiser)).Version);
        Assert.Equal(ledger, (await s.Contest.GetLedger()).Count);
        Assert.Empty((await s.Contestant(s.Contestants[0].Id).GetScoresheet()).Marks);
    }
}
