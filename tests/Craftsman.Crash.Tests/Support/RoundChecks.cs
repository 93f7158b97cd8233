using Craftsman.Contracts.Contests;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// The crash invariants of one round, each violation one readable line naming the round, the
/// mark (key, judge, contestant, criterion, value, what its tablet was told) and the view.
/// </summary>
public static class RoundChecks
{
    private const string Acknowledged = Violation.Acknowledged;
    private const string WithoutEntry = Violation.WithoutEntry;
    private const string NotReplay = Violation.NotReplay;
    private const string Verifier = Violation.Verifier;

    public static IEnumerable<Violation> Check(RoundViews v, IReadOnlyCollection<SentMark> sent, RoundPhase phase)
    {
        var at = $"[{v.Name}]";
        var byKey = v.Replay.Marks.ToLookup(m => m.Key);
        var tablets = sent.ToDictionary(m => m.Key);
        string Told(string key) => tablets.TryGetValue(key, out var m)
            ? (m.AnsweredOnResend ? "unanswered at the kill, on resend " : "")
              + (m.Outcome is { Accepted: true } o ? $"acknowledged, version {o.Version}"
                : m.Outcome is { Rejection: { } r } ? $"refused {r.Code}"
                : "sent, never answered")
            : "a key no tablet sent";

        // The verifier on the export as downloaded.
        var (ok, report) = LedgerRules.Verify(v.LedgerExport);
        if (!ok)
            yield return new(Verifier, $"{at} {report}");

        // 1. Every acknowledged mark is in the ledger exactly once, as it was sent.
        foreach (var group in byKey.Where(g => g.Count() > 1))
            yield return new(Acknowledged, $"{at} key {group.Key} ({Told(group.Key)}) is in the ledger {group.Count()} times: {string.Join("; ", group)}");
        foreach (var mark in sent.Where(m => m.Acknowledged))
        {
            var entries = byKey[mark.Key].ToList();
            if (entries.Count == 0)
                yield return new(Acknowledged, $"{at} acknowledged mark {mark} (version {mark.Outcome!.Version}) has no ledger entry");
            else if (entries.Any(e => !Same(e, mark)))
                yield return new(Acknowledged, $"{at} acknowledged mark {mark} is in the ledger as {string.Join("; ", entries)}");
        }

        // 2. Every mark a derived view holds has its ledger entry.
        foreach (var (contestant, sheet) in v.Scoresheets)
        {
            foreach (var m in sheet.Marks)
            {
                var entries = byKey[m.IdempotencyKey].ToList();
                if (!entries.Any(e => e.Contestant == contestant && e.Judge == m.JudgeId && e.Criterion == m.CriterionId && e.Value == m.Value))
                    yield return new(WithoutEntry, $"{at} scoresheet of {contestant} holds judge {m.JudgeId}'s mark {m.CriterionId} = {m.Value} under key {m.IdempotencyKey} ({Told(m.IdempotencyKey)}), "
                        + (entries.Count == 0 ? "which has no ledger entry" : $"but the ledger has that key as {string.Join("; ", entries)}"));
            }
            foreach (var c in sheet.Corrections)
            {
                var entries = byKey[c.IdempotencyKey].ToList();
                if (!entries.Any(e => e.Contestant == contestant && e.Judge == c.JudgeId && e.Criterion == c.CriterionId && e.Value == c.NewValue))
                    yield return new(WithoutEntry, $"{at} scoresheet of {contestant} lists judge {c.JudgeId}'s correction of {c.CriterionId} {c.PreviousValue} → {c.NewValue} under key {c.IdempotencyKey} ({Told(c.IdempotencyKey)}), "
                        + (entries.Count == 0 ? "which has no ledger entry" : $"but the ledger has that key as {string.Join("; ", entries)}"));
            }
        }
        foreach (var (name, board) in Boards(v))
            foreach (var line in board.Standings)
                if (v.Replay.Contestants.TryGetValue(line.ContestantId, out var r) && line.MarkCount > r.Sheet.Marks.Length)
                    yield return new(WithoutEntry, $"{at} the {name} counts {line.MarkCount} marks for {line.ContestantId}; the ledger holds {r.Sheet.Marks.Length}");

        // 3. Every derived view equals the ledger's replay.
        foreach (var (contestant, replayed) in v.Replay.Contestants)
        {
            if (!v.Scoresheets.TryGetValue(contestant, out var sheet))
            {
                yield return new(NotReplay, $"{at} no scoresheet for {contestant}");
                continue;
            }
            var shown = sheet.Marks.ToDictionary(m => (m.JudgeId, m.CriterionId));
            var expected = replayed.Sheet.Marks.ToDictionary(m => (m.JudgeId, m.CriterionId));
            foreach (var (slot, m) in expected)
                if (!shown.TryGetValue(slot, out var s))
                    yield return new(NotReplay, $"{at} the ledger gives {contestant} judge {slot.JudgeId}'s mark {slot.CriterionId} = {m.Value} (key {m.IdempotencyKey}, {Told(m.IdempotencyKey)}); the scoresheet has no such mark");
                else if (s.Value != m.Value)
                    yield return new(NotReplay, $"{at} the ledger gives {contestant} judge {slot.JudgeId}'s mark {slot.CriterionId} = {m.Value} (key {m.IdempotencyKey}); the scoresheet has {s.Value} (key {s.IdempotencyKey}, {Told(s.IdempotencyKey)})");
            foreach (var (slot, s) in shown)
                if (!expected.ContainsKey(slot))
                    yield return new(NotReplay, $"{at} the scoresheet of {contestant} has judge {slot.JudgeId}'s mark {slot.CriterionId} = {s.Value} (key {s.IdempotencyKey}, {Told(s.IdempotencyKey)}); the ledger has no mark in that place");
            if (Round(sheet.Composite) != Round(replayed.Composite))
                yield return new(NotReplay, $"{at} the scoresheet of {contestant} has composite {sheet.Composite}; the ledger's replay gives {replayed.Composite}");
            if (Round(replayed.Sheet.Composite) != Round(replayed.Composite))
                yield return new(NotReplay, $"{at} (test helper) the scoresheet recomputed from the ledger gives {contestant} {replayed.Sheet.Composite}, the product's replay {replayed.Composite}");

            var ledgerCorrections = v.Replay.Marks.Where(e => e.Contestant == contestant && e.Correction).Select(e => e.Key).ToHashSet();
            var listed = sheet.Corrections.Select(c => c.IdempotencyKey).ToHashSet();
            foreach (var key in ledgerCorrections.Except(listed))
                yield return new(NotReplay, $"{at} the ledger records key {key} ({Told(key)}) as a correction for {contestant}; the scoresheet's corrections do not list it");
            foreach (var key in listed.Except(ledgerCorrections))
                yield return new(NotReplay, $"{at} the scoresheet of {contestant} lists key {key} ({Told(key)}) as a correction; the ledger does not record it as one");
        }
        // The public board counts only criteria the whole panel has marked: it must equal the public
        // board of the round rebuilt from the exported ledger by the product's own replay.
        var rebuilt = Craftsman.Rules.Round.RoundBoards.Public(Craftsman.Rules.Round.RoundReplay.Build(v.Name, v.Ledger,
            System.Collections.Immutable.ImmutableDictionary<string, Craftsman.Rules.Round.DrawEnvelope>.Empty));
        var publicLines = v.PublicBoard.Standings.Select(l => (l.ContestantId, l.Rank, Round(l.Composite), l.MarkCount, l.HasOpenFlags)).ToList();
        var replayedPublic = rebuilt.Standings.Select(l => (l.ContestantId, l.Rank, Round(l.Composite), l.MarkCount, l.HasOpenFlags)).ToList();
        if (!publicLines.SequenceEqual(replayedPublic))
            yield return new(NotReplay, $"{at} the public board shows {string.Join("; ", publicLines)}; the ledger's replay gives {string.Join("; ", replayedPublic)}");
        if (v.PublicBoard.Phase != phase)
            yield return new(NotReplay, $"{at} the public board is in phase {v.PublicBoard.Phase}, expected {phase}");
        foreach (var (name, board) in new[] { ("live board", v.LiveBoard) })
        {
            if (board.Phase != phase)
                yield return new(NotReplay, $"{at} the {name} is in phase {board.Phase}, expected {phase}");
            foreach (var (contestant, r) in v.Replay.Contestants)
            {
                var line = board.Standings.FirstOrDefault(s => s.ContestantId == contestant);
                if (line is null)
                    yield return new(NotReplay, $"{at} the {name} has no line for {contestant}");
                else if (line.Rank != r.Rank || Round(line.Composite) != Round(r.Composite) || line.MarkCount != r.Sheet.Marks.Length || line.HasOpenFlags != !r.OpenFlags.IsEmpty)
                    yield return new(NotReplay, $"{at} the {name} shows {contestant} rank {line.Rank}, composite {line.Composite}, {line.MarkCount} marks, open flags {line.HasOpenFlags}; "
                        + $"the ledger's replay gives rank {r.Rank}, composite {r.Composite}, {r.Sheet.Marks.Length} marks, open flags {!r.OpenFlags.IsEmpty}");
            }
        }
        if (v.Status.Phase != phase)
            yield return new(NotReplay, $"{at} the status says phase {v.Status.Phase}, expected {phase}");
        if (v.Status.LedgerHead != v.Replay.Head)
            yield return new(NotReplay, $"{at} the status names ledger head {v.Status.LedgerHead}; the exported ledger ends at {v.Replay.Head}");
        var flags = v.Status.OpenFlags.Select(f => (f.ContestantId, f.CriterionId)).ToHashSet();
        var replayedFlags = v.Replay.Contestants.Values.SelectMany(c => c.OpenFlags.Select(k => (c.ContestantId, k))).ToHashSet();
        foreach (var (c, k) in flags.Except(replayedFlags))
            yield return new(NotReplay, $"{at} the status shows an open flag on {c}/{k}; the ledger's marks and confirmations leave none open there");
        foreach (var (c, k) in replayedFlags.Except(flags))
            yield return new(NotReplay, $"{at} the ledger's marks and confirmations leave {c}/{k} flagged; the status shows no open flag there");
    }

    private static bool Same(LedgerMarkEntry e, SentMark m) =>
        e.Judge == m.JudgeId && e.Contestant == m.ContestantId && e.Criterion == m.CriterionId && e.Value == m.Value;

    private static IEnumerable<(string Name, Board Board)> Boards(RoundViews v) => [("live board", v.LiveBoard), ("public board", v.PublicBoard)];

    private static decimal Round(decimal d) => Math.Round(d, 10);
}
