namespace Craftsman.Contracts.Screens;

/// <summary>
/// What the office puts on a screen: the content, the occupation for a board, the arena or the
/// ceremony, and the seconds per occupation for a rotation.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.ScreenShow")]
public sealed record ScreenShow(
    [property: Id(0)] ScreenContent Content,
    [property: Id(1)] string? OccupationCode = null,
    [property: Id(2)] int? IntervalSeconds = null)
{
    public static ScreenShow Welcome { get; } = new(ScreenContent.Welcome);
}
