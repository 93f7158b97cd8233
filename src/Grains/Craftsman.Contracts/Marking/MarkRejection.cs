namespace Craftsman.Contracts.Marking;

[GenerateSerializer, Immutable, Alias("craftsman.MarkRejection")]
public sealed record MarkRejection(
    [property: Id(0)] MarkRejectionCode Code,
    [property: Id(1)] string Message);
