using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Contests;

/// <summary>What an occupation's contest is set up with: its scheme, its contestants and its panel (judges and chief).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestDefinition")]
public sealed record ContestDefinition(
    [property: Id(0)] EditionInfo Edition,
    [property: Id(1)] Occupation Occupation,
    [property: Id(2)] MarkingScheme Scheme,
    [property: Id(3)] ImmutableArray<Contestant> Contestants,
    [property: Id(4)] ImmutableArray<Judge> Panel)
{
    /// <summary>The stage this round is (null for an occupation without stages).</summary>
    [Id(5), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; init; }
}
