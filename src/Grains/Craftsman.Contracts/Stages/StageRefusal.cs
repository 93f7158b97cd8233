namespace Craftsman.Contracts.Stages;

[GenerateSerializer, Immutable, Alias("craftsman.StageRefusal")]
public sealed record StageRefusal(
    [property: Id(0)] StageRefusalCode Code,
    [property: Id(1)] string Message);
