using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Results;

/// <summary>The edition's recommended list: one line per occupation, with its candidate when it has one.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.RecommendedList")]
public sealed record RecommendedList(
    [property: Id(0)] EditionInfo Edition,
    [property: Id(1)] ImmutableArray<RecommendedEntry> Entries);

/// <summary>
/// An occupation's line: <see cref="Settled"/> once its weighted stages are signed off; the
/// candidate is the best composite alone at the top that reaches the qualifying score (none on a
/// shared top, none below the score), with the arena outcome (守擂/攻擂) decided as for one round.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.RecommendedEntry")]
public sealed record RecommendedEntry(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] LocalizedText OccupationName,
    [property: Id(2)] bool Settled,
    [property: Id(3)] ArenaOutcome Outcome,
    [property: Id(4)] string? ContestantId,
    [property: Id(5)] string? Name,
    [property: Id(6)] string? Employer,
    [property: Id(7)] ContestantRole? Role,
    [property: Id(8)] decimal? Composite);
