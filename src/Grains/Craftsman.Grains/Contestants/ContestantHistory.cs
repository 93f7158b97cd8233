using System.Collections.Immutable;
using Craftsman.Contracts.Marking;

namespace Craftsman.Grains.Contestants;

/// <summary>Corrections made and idempotency keys applied, over a stretch of a contestant's marks.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestantHistory")]
public sealed record ContestantHistory
{
    [Id(0)] public ImmutableArray<MarkCorrection> Corrections { get; init; } = [];
    [Id(1)] public ImmutableDictionary<string, MarkSubmission> AppliedKeys { get; init; } = ImmutableDictionary<string, MarkSubmission>.Empty;
}
