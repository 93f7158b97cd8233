using System.Collections.Immutable;
using System.Text.Json;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Scoring;
using Craftsman.Verify;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// The one place this test touches the product's ledger rules (replay, mark entries, scoresheet
/// calculation) and the verifier. They are moving to a project without Orleans
/// (src/Grains/Craftsman.Rules); when they do, only the usings here and the project reference change.
/// </summary>
public static class LedgerRules
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web);

    public static ImmutableArray<LedgerEntry> Parse(string export) =>
        [.. Lines(export).Select(line => JsonSerializer.Deserialize<LedgerEntry>(line, ExportJson)!)];

    /// <summary>The verifier's own check (tools/Craftsman.Verify), on the export as downloaded.</summary>
    public static (bool Ok, string Report) Verify(string export) => LedgerVerifier.Verify(Lines(export));

    /// <summary>
    /// The round as its ledger alone gives it: every mark entry, the marks standing at the end (the
    /// latest per contestant, judge and criterion), each contestant's scoresheet computed from them
    /// with the product's calculator, and the standings of the product's replay.
    /// </summary>
    public static ReplayedRound Replay(ImmutableArray<LedgerEntry> ledger)
    {
        var setUp = ledger.Last(e => e.Kind == LedgerKinds.ContestSetUp);
        var definition = JsonSerializer.Deserialize<ContestDefinition>(setUp.Data, LedgerChain.DataJson)!;
        var entries = ledger.Where(e => e.Kind == LedgerKinds.Mark && e.Sequence > setUp.Sequence)
            .Select(e => (Entry: e, Mark: LedgerMark.Read(e)))
            .Select(x => new LedgerMarkEntry(x.Entry.Sequence, x.Mark.Judge, x.Mark.Contestant, x.Mark.Criterion, x.Mark.Value, x.Mark.Key, x.Mark.Correction))
            .ToImmutableArray();

        // Same slotting as LedgerReplay: the first entry of a slot fixes its order, the latest its value.
        var standing = new Dictionary<(string Contestant, string Judge, string Criterion), Mark>();
        long order = 0;
        foreach (var e in entries)
        {
            var slot = (e.Contestant, e.Judge, e.Criterion);
            standing[slot] = standing.TryGetValue(slot, out var first)
                ? first with { Value = e.Value, IdempotencyKey = e.Key }
                : new Mark(e.Judge, e.Criterion, e.Value, ++order, default, e.Key);
        }
        // The chief judge's confirmations close flags; reopening a criterion opens its flag again.
        var confirmed = new HashSet<(string Contestant, string Criterion)>();
        foreach (var e in ledger.Where(e => e.Sequence > setUp.Sequence && e.Kind is LedgerKinds.CriterionConfirmed or LedgerKinds.CriterionReopened))
        {
            var data = JsonDocument.Parse(e.Data).RootElement;
            var slot = (data.GetProperty("contestant").GetString()!, data.GetProperty("criterion").GetString()!);
            if (e.Kind == LedgerKinds.CriterionConfirmed)
                confirmed.Add(slot);
            else
                confirmed.Remove(slot);
        }

        var final = LedgerReplay.Replay(ledger).Final.ToDictionary(s => s.ContestantId);
        var contestants = definition.Contestants.ToImmutableDictionary(c => c.Id, c =>
        {
            var marks = standing.Where(s => s.Key.Contestant == c.Id).Select(s => s.Value).OrderBy(m => m.Sequence).ToImmutableArray();
            var sheet = ScoresheetCalculator.Calculate(c.Id, definition.Scheme, marks, []);
            var open = sheet.Criteria.Where(a => a.Flag != CriterionFlag.None && !confirmed.Contains((c.Id, a.CriterionId))).Select(a => a.CriterionId).ToImmutableArray();
            return new ReplayedContestant(c.Id, sheet, open, final[c.Id].Rank, final[c.Id].Composite);
        });
        return new ReplayedRound(definition, entries, contestants, ledger.Length == 0 ? LedgerChain.Genesis : ledger[^1].Hash);
    }

    private static IEnumerable<string> Lines(string export) =>
        export.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l));
}

/// <summary>A "mark" entry of the ledger, where it stands.</summary>
public sealed record LedgerMarkEntry(long Sequence, string Judge, string Contestant, string Criterion, decimal Value, string Key, bool Correction)
{
    public override string ToString() => $"entry {Sequence}: judge {Judge}, {Contestant}/{Criterion} = {Value}{(Correction ? " (correction)" : "")}";
}

/// <summary>
/// One contestant as the ledger gives them: a scoresheet from the marks standing, the flagged
/// criteria no confirmation closed, and rank and composite from the product's replay.
/// </summary>
public sealed record ReplayedContestant(string ContestantId, Scoresheet Sheet, ImmutableArray<string> OpenFlags, int Rank, decimal Composite);

public sealed record ReplayedRound(
    ContestDefinition Definition,
    ImmutableArray<LedgerMarkEntry> Marks,
    ImmutableDictionary<string, ReplayedContestant> Contestants,
    string Head);
