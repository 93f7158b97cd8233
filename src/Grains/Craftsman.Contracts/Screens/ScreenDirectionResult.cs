namespace Craftsman.Contracts.Screens;

[GenerateSerializer, Immutable, Alias("craftsman.ScreenDirectionResult")]
public sealed record ScreenDirectionResult(
    [property: Id(0)] ScreenDirection? Direction,
    [property: Id(1)] ScreenRefusal? Refusal);
