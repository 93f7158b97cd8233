using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Ledger;

/// <summary>
/// The hash chain of an occupation's ledger: each entry's SHA-256 covers the previous entry's hash
/// and every field of its own, so changing, removing or reordering any entry breaks every later link.
/// </summary>
public static class LedgerChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Head(IReadOnlyList<LedgerEntry> ledger) => ledger.Count == 0 ? Genesis : ledger[^1].Hash;

    /// <summary>The entry that follows <paramref name="end"/>, its data in the ledger's canonical JSON.</summary>
    public static LedgerEntry Next(LedgerPosition end, DateTimeOffset at, string kind, string actor, object data)
    {
        var sequence = end.Sequence + 1;
        var json = JsonSerializer.Serialize(data, data.GetType(), DataJson);
        return new LedgerEntry(sequence, at, kind, actor, json, end.Hash, HashOf(sequence, at, kind, actor, json, end.Hash));
    }

    public static string HashOf(long sequence, DateTimeOffset at, string kind, string actor, string data, string previousHash)
    {
        var text = string.Join('\n', previousHash, sequence.ToString(CultureInfo.InvariantCulture),
            at.ToString("O", CultureInfo.InvariantCulture), kind, actor, data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The first entry that does not belong where it stands, or null when the chain is whole.</summary>
    public static LedgerBreak? Verify(IReadOnlyList<LedgerEntry> ledger)
    {
        var previous = Genesis;
        for (var i = 0; i < ledger.Count; i++)
        {
            var e = ledger[i];
            if (e.Sequence != i + 1)
                return new LedgerBreak(i + 1, e.Sequence, $"entry {i + 1} is missing or out of order (found sequence {e.Sequence} in its place)");
            if (e.PreviousHash != previous)
                return new LedgerBreak(i + 1, e.Sequence, $"entry {e.Sequence} does not follow entry {e.Sequence - 1} (an entry before it was altered, removed or reordered)");
            if (HashOf(e.Sequence, e.At, e.Kind, e.Actor, e.Data, e.PreviousHash) != e.Hash)
                return new LedgerBreak(i + 1, e.Sequence, $"entry {e.Sequence} ({e.Kind}) was altered: its contents do not match its hash");
            previous = e.Hash;
        }
        return null;
    }
}

/// <summary>Where a ledger's chain breaks: the line (1-based) and the sequence found there.</summary>
public sealed record LedgerBreak(int Line, long Sequence, string Reason);
