using System.Collections.Immutable;
using Craftsman.Contracts.Marking;

namespace Craftsman.Cluster.Tests.Support;

/// <summary>A grain state shaped like ours (marks with ticks, offsets and decimal scales; a keyed map) for the providers' contract tests.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.tests.ProbeState")]
public sealed record ProbeState
{
    [Id(0)] public ImmutableList<Mark> Marks { get; init; } = [];
    [Id(1)] public ImmutableDictionary<string, MarkSubmission> AppliedKeys { get; init; } = ImmutableDictionary<string, MarkSubmission>.Empty;
    [Id(2)] public long LastSequence { get; init; }
}
