using System.Collections.Immutable;

namespace Craftsman.Contracts.Marking;

/// <summary>
/// Why a mark was refused. <see cref="Params"/> carries what the refusal names (the criterion's
/// maximum or step, the field), so a page can say it wholly in its own language from the code.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.MarkRejection")]
public sealed record MarkRejection(
    [property: Id(0)] MarkRejectionCode Code,
    [property: Id(1)] string Message,
    [property: Id(2)] ImmutableDictionary<string, string>? Params = null);
