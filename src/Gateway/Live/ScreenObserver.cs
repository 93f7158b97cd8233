using Craftsman.Contracts.Screens;

namespace Craftsman.Gateway.Live;

/// <summary>The object an edition's screen director calls back; it hands the direction to the feed.</summary>
public sealed class ScreenObserver(ScreenFeed feed, string editionId) : IScreenObserver
{
    public Task ScreenDirected(ScreenDirection direction) => feed.Push(editionId, direction);
}
