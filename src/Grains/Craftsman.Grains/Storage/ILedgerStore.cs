using Craftsman.Contracts.Contests;

namespace Craftsman.Grains.Storage;

/// <summary>
/// Where ledgers live: one append-only table of hash-chained entries per store. A contest's ledger
/// is its round's only durable record; everything else about the round is replayed from it.
/// </summary>
public interface ILedgerStore
{
    /// <summary>Every entry of the ledger, in sequence order (empty for a new ledger).</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the entries, which continue the ledger after sequence <paramref name="after"/>, in one
    /// durable write: all of them or none. Throws <see cref="LedgerConflictException"/> if the ledger
    /// no longer ends at <paramref name="after"/> (another activation appended first).
    /// </summary>
    Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);
}
