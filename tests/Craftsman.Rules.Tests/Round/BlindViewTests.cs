using System.Collections.Immutable;
using System.Text.Json;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Round;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Tests.Round;

/// <summary>
/// In a blind round nothing a viewer or a judge receives may depend on who is who: for 2 to 8
/// contestants and 200 random draws each, the same marks given by draw number produce byte-identical
/// public and panel views whatever the real identities behind the numbers, and ties list in draw order.
/// </summary>
public sealed class BlindViewTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void PanelAndPublicViewsOfABlindRoundDependOnDrawNumbersAlone(int contestants)
    {
        var random = new Random(contestants * 7919);
        for (var draw = 0; draw < 200; draw++)
        {
            var numbers = Enumerable.Range(1, contestants).OrderBy(_ => random.Next()).ToArray();
            // The same people under two namings: the second reverses the id order, so any use of
            // real ids for ordering would show up as a difference.
            var a = Round(contestants, numbers, i => $"C{i:00}", random.Next());
            var b = Round(contestants, numbers, i => $"Z{contestants - i:00}", a.Seed);

            Assert.Equal(Views(a.Builder.State), Views(b.Builder.State));

            // Ties (everyone unmarked before the first mark) list in draw-number order.
            var fresh = Round(contestants, numbers, i => $"C{i:00}", a.Seed, marks: 0).Builder.State;
            var order = Enumerable.Range(1, contestants).Select(Visibility.DrawCode).ToList();
            foreach (var audience in NonOrganisers)
            {
                Assert.Equal(order, RoundViews.Board(fresh, audience).Standings.Select(s => s.ContestantId).ToList());
                Assert.Equal(order, RoundViews.Definition(fresh, audience)!.Contestants.Select(c => c.Id).ToList());
            }
            var marked = a.Builder.State;
            Assert.Equal(order.Where(marked.Sheets.Keys.Select(k => Visibility.MaskedId(marked, k)).Contains),
                RoundViews.Scoresheets(marked, Audience.ChiefJudge("CJ")).Select(x => x.ContestantId));
        }
    }

    [Fact]
    public void ATabletThatSendsARealIdInABlindRoundIsRefusedAndNothingChanges()
    {
        var (builder, _) = Round(3, [2, 3, 1], i => $"C{i:00}", 1, marks: 0);
        var before = builder.Ledger.Count;
        var outcome = builder.Mark(new MarkSubmission("k1", builder.Judges[0], "C01", "E1", 10m)).Single();
        Assert.False(outcome.Accepted);
        Assert.Equal(MarkRejectionCode.DrawNumberRequired, outcome.Rejection!.Code);
        Assert.Equal(before, builder.Ledger.Count);
        Assert.True(builder.Mark(new MarkSubmission("k2", builder.Judges[0], "D02", "E1", 10m)).Single().Accepted);
    }

    [Fact]
    public void AJudgeSeesOnlyTheirOwnMarksAndEachCriterionsProgressWithoutAnyValue()
    {
        var state = Round(3, [2, 3, 1], i => $"C{i:00}", 5, marks: 30).Builder.State;

        var own = RoundViews.Scoresheets(state, Audience.Judge("J1"));
        var all = RoundViews.Scoresheets(state, Audience.ChiefJudge("CJ"));

        Assert.Equal(all.Select(x => x.ContestantId), own.Select(x => x.ContestantId));
        Assert.Contains(all, x => x.Marks.Any(m => m.JudgeId != "J1"));
        Assert.All(own, x =>
        {
            Assert.All(x.Marks, m => Assert.Equal("J1", m.JudgeId));
            Assert.All(x.Criteria, c => Assert.True(c.Value is null && c.Spread is null && c.DroppedJudgeIds.IsEmpty));
            Assert.Empty(x.Modules);
            Assert.Equal(0m, x.Composite);
        });
        // The progress a tablet shows is the panel's, unchanged.
        Assert.Equal(all.SelectMany(x => x.Criteria.Select(c => (c.CriterionId, c.MarkCount, c.IsFinal, c.Flag))),
            own.SelectMany(x => x.Criteria.Select(c => (c.CriterionId, c.MarkCount, c.IsFinal, c.Flag))));
    }

    [Fact]
    public void ThePublicAndTheEncryptionOfficerGetNoScoresheetsAndOnlyTheOrganiserNamesPeopleBeforePublication()
    {
        var state = Round(3, [2, 3, 1], i => $"C{i:00}", 5, marks: 30).Builder.State;

        Assert.Empty(RoundViews.Scoresheets(state, Audience.Public));
        Assert.Empty(RoundViews.Scoresheets(state, new Audience(AudienceKind.EncryptionOfficer, "EO")));
        Assert.Equal(["C00", "C01", "C02"], RoundViews.Definition(state, Audience.Organiser)!.Contestants.Select(c => c.Id));
        Assert.Equal(["C00", "C01", "C02"], RoundViews.Status(state, Audience.Organiser).CheckedIn.Order(StringComparer.Ordinal));
        Assert.Equal(["D01", "D02", "D03"], RoundViews.Status(state, Audience.ChiefJudge("CJ")).CheckedIn.AsEnumerable());
        Assert.Equal(Json(RoundBoards.Public(state)), Json(RoundViews.Board(state, Audience.Public)));
        Assert.Equal(Json(RoundBoards.Panel(state)), Json(RoundViews.Board(state, Audience.Organiser)));
        Assert.NotEqual(Json(RoundBoards.Public(state)), Json(RoundBoards.Panel(state)));
    }

    [Fact]
    public void ThePanelsProgressAndEveryPushCarryCountsAndFlagsInDrawOrderAndTheChiefsSheetsWithoutHistory()
    {
        var state = Round(3, [2, 3, 1], i => $"C{i:00}", 5, marks: 30).Builder.State;

        Assert.Empty(RoundViews.Progress(state, Audience.Public));
        Assert.Empty(RoundViews.Progress(state, new Audience(AudienceKind.EncryptionOfficer, "EO")));
        var progress = RoundViews.Progress(state, Audience.Judge("J1"));
        Assert.Equal(["D01", "D02", "D03"], progress.Select(p => p.ContestantId));
        var sheets = RoundViews.Scoresheets(state, Audience.ChiefJudge("CJ"));
        Assert.Equal(sheets.SelectMany(x => x.Criteria.Select(c => (x.ContestantId, c.CriterionId, c.MarkCount, c.IsFinal, c.Flag))),
            progress.SelectMany(p => p.Criteria.Select(c => (p.ContestantId, c.CriterionId, c.MarkCount, c.IsFinal, c.Flag))));

        var push = RoundViews.Push(state, ["C01"], follows: 7);
        Assert.Equal(7, push.Follows);
        Assert.Equal([Visibility.MaskedId(state, "C01")], push.Changed.Select(x => x.ContestantId));
        Assert.Equal(push.Changed.Select(x => x.ContestantId), push.Progress.Select(p => p.ContestantId));
        Assert.All(push.Changed, x => Assert.Empty(x.Corrections));
    }

    private static string Json(Leaderboard board) => JsonSerializer.Serialize(board with { UpdatedAt = default }, TestData.Json);

    private static (RoundBuilder Builder, int Seed) Round(int count, int[] numbers, Func<int, string> id, int seed, int marks = 12)
    {
        var definition = Definition(count, id);
        var ids = definition.Contestants.Select(c => c.Id).ToList();
        var envelope = new DrawEnvelope("salt", ids.Select((c, i) => KeyValuePair.Create(c, numbers[i])).ToImmutableDictionary());
        var builder = new RoundBuilder(definition, _ => envelope)
            .Do(new MoveRound(RoundPhase.CheckIn)).Do(new SetBlind(true)).CheckInAll().Do(new DrawNumbers()).Do(new MoveRound(RoundPhase.Live));
        var random = new Random(seed);
        for (var m = 0; m < marks; m++)
        {
            // Marks name contestants as tablets do: by draw number, assigned to positions by number.
            var number = random.Next(1, count + 1);
            var judge = builder.Judges[random.Next(builder.Judges.Count)];
            var criterion = random.Next(2) == 0 ? "E1" : "E2";
            builder.Mark(new MarkSubmission($"k{m}", judge, Visibility.DrawCode(number), criterion, random.Next(0, 21)));
        }
        return (builder, seed);
    }

    /// <summary>Every audience but the organiser, each through the one place that decides its view.</summary>
    private static readonly Audience[] NonOrganisers =
    [
        Audience.Public, Audience.Judge("J1"), Audience.ChiefJudge("CJ"),
        new(AudienceKind.EncryptionOfficer, "EO"), new(AudienceKind.Arbitration, "AG"),
    ];

    private static string Views(RoundState s) => JsonSerializer.Serialize(NonOrganisers.Select(audience => new object?[]
    {
        RoundViews.Board(s, audience) with { UpdatedAt = default },
        RoundViews.Definition(s, audience)!.Contestants,
        RoundViews.Status(s, audience) with { LedgerHead = "", SignedOffAt = null },
        RoundViews.Scoresheets(s, audience)
            .Select(x => new { x.ContestantId, x.Composite, Marks = x.Marks.Select(m => new { m.JudgeId, m.CriterionId, m.Value }) }),
    }), TestData.Json);

    private static ContestDefinition Definition(int count, Func<int, string> id) => new(
        TestData.Edition(),
        new Occupation("blind", TestData.Text("Blind"), ContestMode.Competition, "review-only", null),
        TestData.ReviewOnlyScheme(),
        [.. Enumerable.Range(0, count).Select(i => new Contestant(id(i), $"Person {id(i)}", "Works", "blind", i == 0 ? ContestantRole.Seed : ContestantRole.Challenger))],
        [new Judge("CJ", "Chief", "blind", JudgeRole.Chief), .. Enumerable.Range(1, 5).Select(i => new Judge($"J{i}", $"Judge {i}", "blind", JudgeRole.Judge))]);
}
