namespace Craftsman.Grains.Storage;

/// <summary>The ledger had moved on from where the writer thought it ended; nothing of this append was stored.</summary>
public sealed class LedgerConflictException(string ledgerId, long after)
    : Exception($"The ledger {ledgerId} no longer ends at entry {after}; nothing was appended.");
