namespace Craftsman.Contracts.Screens;

[GenerateSerializer, Alias("craftsman.ScreenRefusalCode")]
public enum ScreenRefusalCode
{
    ScreenNameInvalid = 0,

    /// <summary>A board, the arena and the ceremony show one occupation: which one must be said.</summary>
    OccupationRequired = 1,

    IntervalInvalid = 2,

    /// <summary>The edition has as many named screens as it may.</summary>
    TooManyScreens = 3,
}
