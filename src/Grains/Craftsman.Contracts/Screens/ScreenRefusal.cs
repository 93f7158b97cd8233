namespace Craftsman.Contracts.Screens;

[GenerateSerializer, Immutable, Alias("craftsman.ScreenRefusal")]
public sealed record ScreenRefusal(
    [property: Id(0)] ScreenRefusalCode Code,
    [property: Id(1)] string Message);
