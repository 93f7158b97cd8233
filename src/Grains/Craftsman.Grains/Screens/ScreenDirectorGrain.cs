using System.Collections.Immutable;
using Craftsman.Contracts.Screens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Craftsman.Grains.Screens;

public sealed class ScreenDirectorGrain(
    [PersistentState("screens", StorageNames.Craftsman)] IPersistentState<ScreenDirectorState> state,
    [FromKeyedServices(CompetitionClock.Key)] TimeProvider clock,
    ILogger<ScreenDirectorGrain> logger)
    : Grain, IScreenDirectorGrain
{
    /// <summary>How long a gateway's subscription lasts unless renewed.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IScreenObserver> _observers = new(SubscriptionLifetime, logger);

    private ScreenDirectorState S => state.State;

    public async Task<ScreenDirectionResult> Register(string screenName)
    {
        if (ScreenRules.CheckName(screenName) is { } refusal)
            return new ScreenDirectionResult(null, refusal);
        var now = clock.GetUtcNow();
        var known = S.Screens.GetValueOrDefault(ScreenRules.Key(screenName));
        if (known is null && S.Screens.Count >= ScreenRules.MaxScreens)
            return new ScreenDirectionResult(null, TooMany());
        var registered = (known ?? new ScreenDirection(screenName, ScreenShow.Welcome, S.Version, null, null)) with { LastRegisteredAt = now };
        await state.CommitAsync(S with { Screens = S.Screens.SetItem(ScreenRules.Key(screenName), registered) }, GrainContext);
        return new ScreenDirectionResult(registered, null);
    }

    public async Task<ScreenDirectionResult> Direct(string screenName, ScreenShow show)
    {
        var (checkedShow, refusal) = ScreenRules.Check(show);
        if ((ScreenRules.CheckName(screenName) ?? refusal) is { } refused)
            return new ScreenDirectionResult(null, refused);
        var known = S.Screens.GetValueOrDefault(ScreenRules.Key(screenName));
        if (known is null && S.Screens.Count >= ScreenRules.MaxScreens)
            return new ScreenDirectionResult(null, TooMany());
        var version = S.Version + 1;
        var directed = new ScreenDirection(known?.ScreenName ?? screenName, checkedShow, version, clock.GetUtcNow(), known?.LastRegisteredAt);
        await state.CommitAsync(S with { Screens = S.Screens.SetItem(ScreenRules.Key(screenName), directed), Version = version }, GrainContext);
        // Only after the write: a screen never shows what a restart would take back.
        await _observers.Notify(o => o.ScreenDirected(directed));
        return new ScreenDirectionResult(directed, null);
    }

    public Task<ImmutableArray<ScreenDirection>> GetScreens() =>
        Task.FromResult(S.Screens.Values.OrderBy(s => s.ScreenName, StringComparer.OrdinalIgnoreCase).ToImmutableArray());

    public Task<ImmutableArray<ScreenDirection>> Subscribe(IScreenObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return GetScreens();
    }

    public Task Unsubscribe(IScreenObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private static ScreenRefusal TooMany() =>
        new(ScreenRefusalCode.TooManyScreens, $"An edition has at most {ScreenRules.MaxScreens} named screens.");
}
