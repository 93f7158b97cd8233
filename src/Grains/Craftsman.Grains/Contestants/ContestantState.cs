using System.Collections.Immutable;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Grains.Contestants;

/// <summary>
/// A contestant's persisted scoresheet. Immutable, so a failed write can put the previous
/// value back and the activation never serves state that storage does not hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.ContestantState")]
public sealed record ContestantState
{
    [Id(0)] public Contestant? Contestant { get; init; }
    [Id(1)] public MarkingScheme? Scheme { get; init; }
    [Id(2)] public ImmutableArray<Mark> Marks { get; init; } = [];
    /// <summary>Corrections since the last sealed history segment.</summary>
    [Id(3)] public ImmutableArray<MarkCorrection> Corrections { get; init; } = [];

    /// <summary>Idempotency keys applied since the last sealed history segment, with what they carried, so a resend is recognised.</summary>
    [Id(4)] public ImmutableDictionary<string, MarkSubmission> AppliedKeys { get; init; } = ImmutableDictionary<string, MarkSubmission>.Empty;

    [Id(5)] public long LastSequence { get; init; }

    /// <summary>How many stretches of history are sealed in their own grains.</summary>
    [Id(6)] public int HistorySegments { get; init; }
}
