using System.Collections.Immutable;

namespace Craftsman.Contracts.Stages;

/// <summary>The organiser's advancement of a stage's top <see cref="Count"/>: who went on (more than Count when tied at the cut-off).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Advancement")]
public sealed record Advancement(
    [property: Id(0)] string StageId,
    [property: Id(1)] int Count,
    [property: Id(2)] ImmutableArray<string> Advanced,
    [property: Id(3)] DateTimeOffset At);
