using System.Text.Json;
using Craftsman.Contracts.Contests;
using Craftsman.Rules.Ledger;

namespace Craftsman.Verify;

/// <summary>Checks a ledger export (JSON Lines): the hash chain first, then the results it records against a replay of its marks.</summary>
public static class LedgerVerifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="expectedHead">
    /// The head the ledger must end at (from a printed result sheet or the round's status): a ledger
    /// cut after any entry still chains correctly, so only the head tells it is whole.
    /// </param>
    public static (bool Ok, string Report) Verify(IEnumerable<string> lines, string? expectedHead = null)
    {
        var entries = new List<LedgerEntry>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            LedgerEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<LedgerEntry>(line, Json);
            }
            catch (JsonException e)
            {
                return (false, $"FAILED: line {number} is not a ledger entry ({e.Message}); entry {entries.Count + 1} is damaged.");
            }
            if (entry is null || entry.Hash is null || entry.Data is null)
                return (false, $"FAILED: line {number} is not a ledger entry; entry {entries.Count + 1} is damaged.");
            entries.Add(entry);
        }
        if (entries.Count == 0)
            return (false, "FAILED: the ledger is empty.");
        if (LedgerChain.Verify(entries) is { } broken)
            return (false, $"FAILED: {broken.Reason}.");

        var head = LedgerChain.Head(entries);
        if (expectedHead is not null && !string.Equals(head, expectedHead.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            var at = entries.FindIndex(e => string.Equals(e.Hash, expectedHead.Trim(), StringComparison.OrdinalIgnoreCase));
            return (false, at >= 0
                ? $"FAILED: the ledger goes on past the expected head (entry {entries[at].Sequence}) to entry {entries[^1].Sequence}, head {head}."
                : $"FAILED: the ledger ends at entry {entries[^1].Sequence}, head {head}, not at the expected head {expectedHead.Trim()}: entries are missing or it is another ledger.");
        }

        var replay = LedgerReplay.Replay(entries);
        if (replay.FirstMismatch is { } mismatch)
            return (false, $"FAILED: the results recorded at entry {mismatch.Sequence} ({mismatch.Kind}) differ from the marks before it: "
                + $"recorded {Describe(mismatch.Recorded)}, recomputed {Describe(mismatch.Recomputed)}.");

        var last = replay.Checks.LastOrDefault();
        return (true, $"OK: {entries.Count} entries, chain intact, head {head}{(expectedHead is null ? "" : " as expected")}; {replay.MarkCount} marks replayed; "
            + (last is null ? "no results recorded yet." : $"{replay.Checks.Length} recorded result(s) recomputed and equal; last at entry {last.Sequence} ({last.Kind}): {Describe(last.Recorded)}."));
    }

    private static string Describe(IEnumerable<RecordedStanding> standings) =>
        string.Join(", ", standings.Select(s => $"{s.Rank}. {s.ContestantId} {Math.Round(s.Composite, 2, MidpointRounding.AwayFromZero)}"));
}
