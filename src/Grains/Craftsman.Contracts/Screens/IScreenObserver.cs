using Orleans.Concurrency;

namespace Craftsman.Contracts.Screens;

/// <summary>A gateway's single subscription to an edition's screen directions.</summary>
[Alias("craftsman.IScreenObserver")]
public interface IScreenObserver : IGrainObserver
{
    [OneWay, Alias("ScreenDirected")]
    Task ScreenDirected(ScreenDirection direction);
}
