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
            Assert.Equal(order, RoundBoards.Public(fresh).Standings.Select(s => s.ContestantId).ToList());
            Assert.Equal(order, RoundBoards.Panel(fresh).Standings.Select(s => s.ContestantId).ToList());
            Assert.Equal(order, Visibility.Mask(fresh, fresh.Definition!).Contestants.Select(c => c.Id).ToList());
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

    private static string Views(RoundState s) => JsonSerializer.Serialize(new object[]
    {
        RoundBoards.Public(s) with { UpdatedAt = default },
        RoundBoards.Panel(s) with { UpdatedAt = default },
        Visibility.Mask(s, s.Definition!).Contestants,
        Visibility.Mask(s, RoundBoards.Status(s)) with { LedgerHead = "", SignedOffAt = null },
        s.Sheets.Values.Select(sheet => Visibility.Mask(s, sheet)).OrderBy(x => x.ContestantId, StringComparer.Ordinal)
            .Select(x => new { x.ContestantId, x.Composite, Marks = x.Marks.Select(m => new { m.JudgeId, m.CriterionId, m.Value }) }),
    }, TestData.Json);

    private static ContestDefinition Definition(int count, Func<int, string> id) => new(
        TestData.Edition(),
        new Occupation("blind", TestData.Text("Blind"), ContestMode.Competition, "review-only", null),
        TestData.ReviewOnlyScheme(),
        [.. Enumerable.Range(0, count).Select(i => new Contestant(id(i), $"Person {id(i)}", "Works", "blind", i == 0 ? ContestantRole.Seed : ContestantRole.Challenger))],
        [new Judge("CJ", "Chief", "blind", JudgeRole.Chief), .. Enumerable.Range(1, 5).Select(i => new Judge($"J{i}", $"Judge {i}", "blind", JudgeRole.Judge))]);
}
