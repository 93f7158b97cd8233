namespace Craftsman.Contracts.Screens;

/// <summary>
/// A named screen and what it shows. Version grows with every direction of the edition's screens,
/// so a screen that hears of two changes keeps the later one.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.ScreenDirection")]
public sealed record ScreenDirection(
    [property: Id(0)] string ScreenName,
    [property: Id(1)] ScreenShow Show,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset? DirectedAt,
    [property: Id(4)] DateTimeOffset? LastRegisteredAt);
