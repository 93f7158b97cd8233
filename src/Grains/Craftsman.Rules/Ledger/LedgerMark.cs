using System.Text.Json;
using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Ledger;

/// <summary>
/// What a "mark" ledger entry records: written by the contest, read back by the replay and when a
/// sealed key is resent. The contestant is named as it was then (a draw number while blind).
/// </summary>
public sealed record LedgerMark(string Judge, string Contestant, string Criterion, decimal Value, string Key, bool Correction)
{
    public static LedgerMark Read(LedgerEntry entry) =>
        JsonSerializer.Deserialize<LedgerMark>(entry.Data, LedgerChain.DataJson)
        ?? throw new InvalidDataException($"Ledger entry {entry.Sequence} holds no mark.");
}
