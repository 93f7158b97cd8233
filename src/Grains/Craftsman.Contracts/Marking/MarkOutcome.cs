namespace Craftsman.Contracts.Marking;

/// <summary>
/// The answer to a submitted mark. Accepted means durable: the mark was written to storage and the
/// occupation's leaderboard updated to <see cref="Version"/> before this was returned.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkOutcome")]
public sealed record MarkOutcome(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] long Version,
    [property: Id(3)] bool IsCorrection,
    [property: Id(4)] MarkRejection? Rejection)
{
    public static MarkOutcome Accept(string key, long version, bool isCorrection) =>
        new(key, true, version, isCorrection, null);

    public static MarkOutcome Reject(string key, MarkRejectionCode code, string message) =>
        new(key, false, 0, false, new MarkRejection(code, message));

    /// <summary>A refusal with its parameters kept (prefer this to the code-and-message form).</summary>
    public static MarkOutcome Reject(string key, MarkRejection rejection) =>
        new(key, false, 0, false, rejection);
}
