using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

namespace Craftsman.Grains.Contests;

[GenerateSerializer, Immutable, Alias("craftsman.ContestState")]
public sealed record ContestState
{
    [Id(0)] public ContestDefinition? Definition { get; init; }
    [Id(1)] public RoundPhase Phase { get; init; } = RoundPhase.Draft;
    [Id(2)] public long Version { get; init; }
    [Id(3)] public ImmutableDictionary<string, ContestantScore> Scores { get; init; } = ImmutableDictionary<string, ContestantScore>.Empty;
    [Id(4)] public ImmutableDictionary<string, AcceptedMark> Accepted { get; init; } = ImmutableDictionary<string, AcceptedMark>.Empty;
    [Id(5)] public DateTimeOffset? PublishedAt { get; init; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }

    public int OpenFlags => Scores.Values.Sum(s => s.OpenFlags);
}
