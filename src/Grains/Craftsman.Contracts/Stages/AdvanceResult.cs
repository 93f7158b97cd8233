namespace Craftsman.Contracts.Stages;

[GenerateSerializer, Immutable, Alias("craftsman.AdvanceResult")]
public sealed record AdvanceResult(
    [property: Id(0)] Advancement? Advancement,
    [property: Id(1)] StageRefusal? Refusal);
