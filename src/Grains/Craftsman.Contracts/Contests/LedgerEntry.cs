namespace Craftsman.Contracts.Contests;

/// <summary>
/// One link of an occupation's ledger: what happened (<see cref="Kind"/> and its canonical JSON
/// <see cref="Data"/>), who did it, and the SHA-256 <see cref="Hash"/> over the previous entry's
/// hash and this entry's fields, so any change, removal or reordering breaks the chain.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Data,
    [property: Id(5)] string PreviousHash,
    [property: Id(6)] string Hash);
