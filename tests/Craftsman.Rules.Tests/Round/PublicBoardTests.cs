using System.Text.Json;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Round;

namespace Craftsman.Rules.Tests.Round;

/// <summary>What the public board may show while a round is marked: nothing one judge's mark can be read from.</summary>
public sealed class PublicBoardTests
{
    private static RoundBuilder Live() => new RoundBuilder(TestData.Contest())
        .Do(new MoveRound(RoundPhase.CheckIn)).CheckInAll().Do(new MoveRound(RoundPhase.Live));

    [Fact]
    public void MarkingACriterionJudgeByJudgeChangesThePublicBoardOnlyWhenThePanelIsComplete()
    {
        var round = Live();
        var values = new[] { 15m, 16.5m, 17m, 18m, 14.5m };
        var previous = Board(round.State);
        for (var j = 0; j < round.Judges.Count; j++)
        {
            Assert.True(round.Mark(new MarkSubmission($"k{j}", round.Judges[j], "C1", "P3", values[j])).Single().Accepted);
            var now = Board(round.State);
            if (j < round.Judges.Count - 1)
                Assert.Equal(previous, now);
            else
                Assert.NotEqual(previous, now);
            previous = now;
        }
        var line = RoundBoards.Public(round.State).Standings.Single(s => s.ContestantId == "C1");
        Assert.Equal(16.1666666666666666666666667m, line.Modules.Single(m => m.ModuleId == "practical").Score, 10);
        Assert.Equal(1, line.CriteriaFinal);
        Assert.Equal(3, line.CriteriaTotal);
    }

    [Fact]
    public void UnmarkedContestantsAreUnrankedAndNoOutcomeOrFlagShowsBeforeSignOff()
    {
        var round = Live();
        Assert.All(RoundBoards.Public(round.State).Standings, s => Assert.Equal(0, s.Rank));
        // A spread over the tolerance flags P3 for the panel, never for the public.
        foreach (var (judge, value) in round.Judges.Zip(new[] { 2m, 20m, 20m, 20m, 20m }))
            round.Mark(new MarkSubmission($"p3-{judge}", judge, "C1", "P3", value));
        Assert.Contains(RoundBoards.Panel(round.State).Standings, s => s.HasOpenFlags);
        var pub = RoundBoards.Public(round.State);
        Assert.DoesNotContain(pub.Standings, s => s.HasOpenFlags);
        Assert.Equal(ArenaOutcome.Pending, pub.Arena.Outcome);
        Assert.Null(pub.Arena.TitleCandidateId);
    }

    [Fact]
    public void TheLiveRoundIsTheReplayOfItsLedger()
    {
        var round = Live();
        round.Mark(
            new MarkSubmission("a", "J1", "C1", "P1", 20m), new MarkSubmission("b", "J2", "C1", "P1", 20m),
            new MarkSubmission("c", "J1", "C2", "P3", 10m), new MarkSubmission("c2", "J1", "C2", "P3", 12m),
            new MarkSubmission("d", "J3", "C1", "E1", 30m));
        round.Do(new MarkAbsent("C2", AbsenceKind.Withdrawn, "injured"));
        var replayed = round.Replayed();
        Assert.Equal(Snapshot(round.State), Snapshot(replayed));
        // A resend after replay is answered with its first outcome.
        var again = MarkIntake.Decide(replayed, [new MarkSubmission("c2", "J1", "C2", "P3", 12m)], TestData.At.AddHours(1));
        Assert.Empty(again.Entries);
        Assert.True(again.Outcomes.Single().Accepted);
        Assert.True(again.Outcomes.Single().IsCorrection);
    }

    [Fact]
    public void ACriterionWithTwoMarksBlocksSignOffUntilAThirdJudgeMarks()
    {
        var round = Live();
        var criteria = round.Definition.Scheme.Modules.SelectMany(m => m.Criteria).ToList();
        foreach (var c in round.Definition.Contestants)
            foreach (var k in criteria)
                foreach (var j in k.Kind == CriterionKind.Measurement ? round.Judges.Take(2) : k.Id == "E1" && c.Id == "C1" ? round.Judges.Take(2) : round.Judges)
                    Assert.True(round.Mark(new MarkSubmission($"{c.Id}{k.Id}{j}", j, c.Id, k.Id, 0m)).Single().Accepted);
        round.Do(new MoveRound(RoundPhase.Review));
        var refused = Workflow.RoundWorkflow.Decide(round.State, new Actor(round.Chief, ActorRole.Chief), new MoveRound(RoundPhase.SignedOff), TestData.At.AddHours(1), _ => null!);
        Assert.Equal("MarkingIncomplete", refused.Code);
        Assert.Contains("C1 E1", refused.Error);
    }

    private static string Board(RoundState s) => JsonSerializer.Serialize(RoundBoards.Public(s) with { Version = 0, UpdatedAt = default }, TestData.Json);

    private static string Snapshot(RoundState s) => JsonSerializer.Serialize(new object[]
    {
        RoundBoards.Live(s), RoundBoards.Public(s), RoundBoards.Status(s),
        s.Sheets.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Value), s.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Value),
    }, TestData.Json);
}
