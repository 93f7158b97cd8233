using System.Collections.Immutable;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Editions;

/// <summary>A whole edition as the organiser imports it (the shape of samples/edition-2020.json).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionDocument")]
public sealed record EditionDocument(
    [property: Id(0)] EditionInfo Edition,
    [property: Id(1)] ImmutableArray<MarkingScheme> MarkingSchemes,
    [property: Id(2)] ImmutableArray<Occupation> Occupations,
    [property: Id(3)] ImmutableArray<Contestant> Contestants,
    [property: Id(4)] ImmutableArray<Judge> Judges)
{
    /// <summary>The encryption officer and the arbitration group (optional in the file).</summary>
    [Id(5)] public ImmutableArray<Official> Officials { get; init; } = [];
}
