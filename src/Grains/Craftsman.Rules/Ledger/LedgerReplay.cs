using System.Collections.Immutable;
using System.Text.Json;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Scoring;

namespace Craftsman.Rules.Ledger;

/// <summary>
/// Recomputes an occupation's results from its ledger alone — the set-up, then every mark in
/// order — with the same scoring rules the contest uses, and compares them with what the last
/// sign-off, publication or ruling recorded. This is what lets anyone holding the export check it.
/// </summary>
public static class LedgerReplay
{
    private static readonly string[] BoardKinds = [LedgerKinds.SignedOff, LedgerKinds.Published, LedgerKinds.Republished, LedgerKinds.Final];

    public static ReplayResult Replay(IReadOnlyList<LedgerEntry> ledger)
    {
        var setUp = ledger.LastOrDefault(e => e.Kind == LedgerKinds.ContestSetUp)
            ?? throw new InvalidDataException("The ledger has no contest-set-up entry to replay from.");
        var definition = JsonSerializer.Deserialize<ContestDefinition>(setUp.Data, LedgerChain.DataJson)!;
        var drawn = ledger.Where(e => e.Kind == LedgerKinds.Published)
            .Select(e => JsonDocument.Parse(e.Data).RootElement)
            .Where(d => d.TryGetProperty("drawNumbers", out var n) && n.ValueKind == JsonValueKind.Object)
            .SelectMany(d => d.GetProperty("drawNumbers").EnumerateObject())
            .ToDictionary(p => Workflow.Visibility.DrawCode(p.Value.GetInt32()), p => p.Name);

        var marks = new Dictionary<(string Contestant, string Judge, string Criterion), Mark>();
        var absent = new HashSet<string>();
        long sequence = 0;
        var checks = ImmutableArray.CreateBuilder<BoardCheck>();
        foreach (var entry in ledger.Where(e => e.Sequence > setUp.Sequence))
        {
            if (entry.Kind == LedgerKinds.Mark)
            {
                var m = LedgerMark.Read(entry);
                var slot = (drawn.GetValueOrDefault(m.Contestant, m.Contestant), m.Judge, m.Criterion);
                marks[slot] = marks.TryGetValue(slot, out var previous)
                    ? previous with { Value = m.Value }
                    : new Mark(m.Judge, m.Criterion, m.Value, ++sequence, entry.At, m.Key);
            }
            else if (entry.Kind == LedgerKinds.ContestantAbsent)
            {
                absent.Add(JsonSerializer.Deserialize<ContestantAbsent>(entry.Data, LedgerChain.DataJson)!.Contestant);
            }
            else if (BoardKinds.Contains(entry.Kind) && JsonDocument.Parse(entry.Data).RootElement.TryGetProperty("board", out var board))
            {
                var recorded = board.EnumerateArray().Select(x => new RecordedStanding(x.GetProperty("rank").GetInt32(),
                    drawn.GetValueOrDefault(x.GetProperty("contestantId").GetString()!, x.GetProperty("contestantId").GetString()!),
                    x.GetProperty("composite").GetDecimal())).ToImmutableArray();
                checks.Add(new BoardCheck(entry.Sequence, entry.Kind, Ordered(recorded), Recompute(definition, marks, absent)));
            }
        }
        return new ReplayResult(checks.ToImmutable(), Recompute(definition, marks, absent), marks.Count);
    }

    private static ImmutableArray<RecordedStanding> Recompute(ContestDefinition definition, Dictionary<(string Contestant, string Judge, string Criterion), Mark> marks, HashSet<string> absent)
    {
        var entries = definition.Contestants.Where(c => !absent.Contains(c.Id)).Select(c =>
        {
            var mine = marks.Where(m => m.Key.Contestant == c.Id).Select(m => m.Value);
            var sheet = ScoresheetCalculator.Calculate(c.Id, definition.Scheme, [.. mine.OrderBy(m => m.Sequence)], []);
            return new RankingEntry(c.Id, c.Name, c.Role, sheet.Composite, sheet.Modules, sheet.Marks.Length, false);
        });
        var unranked = definition.Contestants.Where(c => absent.Contains(c.Id)).Select(c => new RecordedStanding(0, c.Id,
            ScoresheetCalculator.Calculate(c.Id, definition.Scheme, [.. marks.Where(m => m.Key.Contestant == c.Id).Select(m => m.Value).OrderBy(m => m.Sequence)], []).Composite));
        return Ordered([.. Ranking.Rank(entries, RoundPhase.SignedOff).Select(s => new RecordedStanding(s.Rank, s.ContestantId, s.Composite)), .. unranked]);
    }

    // Ties are listed in whatever order the board's audience needed (draw numbers while blind): compare by rank, then id.
    private static ImmutableArray<RecordedStanding> Ordered(IEnumerable<RecordedStanding> standings) =>
        [.. standings.OrderBy(s => s.Rank == 0 ? int.MaxValue : s.Rank).ThenBy(s => s.ContestantId, StringComparer.Ordinal)];
}

/// <summary>A board the ledger recorded at <see cref="Sequence"/>, beside what the marks before it give.</summary>
public sealed record BoardCheck(long Sequence, string Kind, ImmutableArray<RecordedStanding> Recorded, ImmutableArray<RecordedStanding> Recomputed)
{
    public bool Matches => Recorded.SequenceEqual(Recomputed);
}

public sealed record ReplayResult(ImmutableArray<BoardCheck> Checks, ImmutableArray<RecordedStanding> Final, int MarkCount)
{
    public BoardCheck? FirstMismatch => Checks.FirstOrDefault(c => !c.Matches);
}
