using System.Collections.Immutable;

namespace Craftsman.Contracts.Editions;

/// <summary>
/// One stage of an occupation's path (selection, final, review…), each a round of its own. Absent
/// values take the occupation's: its scheme, its panel. <see cref="Advance"/> is how many go on to
/// the next stage; <see cref="Weight"/> its share of the composite (0 for a stage that only qualifies).
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.Stage")]
public sealed record Stage(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string? Scheme,
    [property: Id(3)] bool? Blind,
    [property: Id(4)] int? Advance,
    [property: Id(5)] decimal Weight)
{
    /// <summary>The judge ids of this stage's own panel (judges and chief); empty means the occupation's panel.</summary>
    [Id(6)] public ImmutableArray<string> Panel { get; init; } = [];
}
