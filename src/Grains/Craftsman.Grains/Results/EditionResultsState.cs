using System.Collections.Immutable;
using Craftsman.Contracts.Results;

namespace Craftsman.Grains.Results;

/// <summary>What the office decides after the rounds: the notice window, the objections and their resolutions, the naming.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.EditionResultsState")]
public sealed record EditionResultsState
{
    [Id(0)] public NoticeWindow? Window { get; init; }

    [Id(1)] public ImmutableList<Objection> Objections { get; init; } = [];

    [Id(2)] public Naming? Naming { get; init; }
}
