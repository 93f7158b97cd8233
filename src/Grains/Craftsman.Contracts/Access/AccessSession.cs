namespace Craftsman.Contracts.Access;

/// <summary>
/// Who a code signed in, and the generation of that holder's code. A token carries the generation;
/// it stays good only while the holder's current code is of the same generation, so revoking or
/// re-issuing a code ends every session opened with the old one.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.AccessSession")]
public sealed record AccessSession(
    [property: Id(0)] string HolderId,
    [property: Id(1)] long Generation);
