using System.Collections.Immutable;

namespace Craftsman.Contracts.Screens;

/// <summary>
/// What each named screen of an edition shows (keyed by the edition id). The office directs a
/// screen; every subscribed gateway hears of it at once and pushes it to that screen's group.
/// </summary>
[Alias("craftsman.IScreenDirectorGrain")]
public interface IScreenDirectorGrain : IGrainWithStringKey
{
    /// <summary>A screen announces itself under its name; answers what it is to show (welcome for a new name).</summary>
    [Alias("Register")]
    Task<ScreenDirectionResult> Register(string screenName);

    /// <summary>Puts a show on a screen (registering the name if the screen has not yet come up).</summary>
    [Alias("Direct")]
    Task<ScreenDirectionResult> Direct(string screenName, ScreenShow show);

    /// <summary>Every named screen with what it shows, by name.</summary>
    [Alias("GetScreens")]
    Task<ImmutableArray<ScreenDirection>> GetScreens();

    /// <summary>
    /// Adds or renews a gateway's subscription; it expires unless renewed. Answers every screen, so
    /// a gateway that renews after a silo restart can push what it missed.
    /// </summary>
    [Alias("Subscribe")]
    Task<ImmutableArray<ScreenDirection>> Subscribe(IScreenObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IScreenObserver observer);
}
