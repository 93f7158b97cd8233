using System.Collections.Immutable;

namespace Craftsman.Contracts.Schedule;

/// <summary>The edition's schedule as the public reads it at <see cref="Now"/>: what is live first, then today, then the rest.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Programme")]
public sealed record Programme(
    [property: Id(0)] DateTimeOffset Now,
    [property: Id(1)] ImmutableArray<ProgrammeItem> Items);
