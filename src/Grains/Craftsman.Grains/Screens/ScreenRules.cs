using System.Text.RegularExpressions;
using Craftsman.Contracts.Screens;

namespace Craftsman.Grains.Screens;

/// <summary>
/// Names a screen may carry (they travel in its address, ?screen=Hall-A) and the shows it may be
/// given. Names are compared without case, so the console's "hall-a" is the hall's "Hall-A".
/// </summary>
public static partial class ScreenRules
{
    public const int MaxScreens = 100;
    public const int DefaultInterval = 15;
    public const int MinInterval = 5;
    public const int MaxInterval = 600;

    public static ScreenRefusal? CheckName(string? name) =>
        name is not null && NamePattern().IsMatch(name) ? null
        : new(ScreenRefusalCode.ScreenNameInvalid, "A screen name is 1 to 40 letters, digits, hyphens or underscores, starting with a letter or digit (e.g. Hall-A).");

    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>The show as it will be stored (fields the content does not use dropped), or why it cannot be.</summary>
    public static (ScreenShow Show, ScreenRefusal? Refusal) Check(ScreenShow show)
    {
        var occupation = string.IsNullOrWhiteSpace(show.OccupationCode) ? null : show.OccupationCode.Trim();
        return show.Content switch
        {
            ScreenContent.Board or ScreenContent.Arena or ScreenContent.Ceremony => occupation is null
                ? (show, new(ScreenRefusalCode.OccupationRequired, $"A screen showing {show.Content} needs an occupation."))
                : (new ScreenShow(show.Content, occupation), null),
            ScreenContent.Rotation => show.IntervalSeconds is { } s && (s < MinInterval || s > MaxInterval)
                ? (show, new(ScreenRefusalCode.IntervalInvalid, $"A rotation shows each occupation for {MinInterval} to {MaxInterval} seconds."))
                : (new ScreenShow(ScreenContent.Rotation, null, show.IntervalSeconds ?? DefaultInterval), null),
            ScreenContent.Welcome or ScreenContent.Overview => (new ScreenShow(show.Content), null),
            _ => (show, new(ScreenRefusalCode.ScreenNameInvalid, $"'{show.Content}' is not something a screen shows.")),
        };
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_\-]{0,39}$")]
    private static partial Regex NamePattern();
}
