namespace Craftsman.Rules.Ledger;

/// <summary>The last entry of a ledger (sequence 0 and the genesis hash when empty): where the next one links on.</summary>
public readonly record struct LedgerPosition(long Sequence, string Hash);
