using Craftsman.Contracts.Contests;

namespace Craftsman.Contracts.Stages;

/// <summary>What a stage's round is set up with when it leaves Draft, or why it cannot start yet.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.StageSetUp")]
public sealed record StageSetUp(
    [property: Id(0)] ContestDefinition? Definition,
    [property: Id(1)] StageRefusal? Refusal);
