using System.Collections.Concurrent;
using Craftsman.Contracts.Screens;
using Craftsman.Gateway.Cluster;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Live;

/// <summary>
/// This gateway's one subscription per edition to its screen director. A direction is pushed to
/// the SignalR group of that screen's name only, so a screen changes the moment the office says so
/// and nothing polls. Renewal also re-pushes what a restarted director was told while this gateway
/// was not subscribed.
/// </summary>
public sealed class ScreenFeed(
    ClusterAccess cluster,
    IHubContext<LiveHub, ILiveClient> live,
    IOptions<LiveOptions> options,
    ILogger<ScreenFeed> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Subscription>>> _editions = new();

    public static string ScreenGroup(string editionId, string screenName) => $"screen:{editionId}:{screenName.ToUpperInvariant()}";

    /// <summary>Makes sure this gateway hears of the edition's directions; the first caller subscribes.</summary>
    public async Task Follow(string editionId)
    {
        var subscription = _editions.GetOrAdd(editionId, id => new Lazy<Task<Subscription>>(() => Subscribe(id)));
        try
        {
            await subscription.Value;
        }
        catch
        {
            // Let the next screen try again instead of waiting on this failure for ever.
            _editions.TryRemove(new KeyValuePair<string, Lazy<Task<Subscription>>>(editionId, subscription));
            throw;
        }
    }

    /// <summary>A screen was told this on registering: renewal need not tell it again.</summary>
    public void Told(string editionId, ScreenDirection direction)
    {
        if (_editions.TryGetValue(editionId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            lazy.Value.Result.IsNewer(direction);
    }

    public Task Push(string editionId, ScreenDirection direction)
    {
        if (_editions.TryGetValue(editionId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            && !lazy.Value.Result.IsNewer(direction))
            return Task.CompletedTask;
        return live.Clients.Group(ScreenGroup(editionId, direction.ScreenName)).ScreenDirected(direction);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (editionId, lazy) in _editions)
            {
                if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully)
                    continue;
                var subscription = lazy.Value.Result;
                try
                {
                    foreach (var direction in await subscription.Director.Subscribe(subscription.Reference))
                        await Push(editionId, direction);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Could not renew the screen subscription of edition {Edition}; will retry.", editionId);
                }
            }
        }
    }

    private async Task<Subscription> Subscribe(string editionId)
    {
        var grains = cluster.Grains;
        var observer = new ScreenObserver(this, editionId);
        var subscription = new Subscription(observer, grains.CreateObjectReference<IScreenObserver>(observer), grains.GetGrain<IScreenDirectorGrain>(editionId));
        foreach (var direction in await subscription.Director.Subscribe(subscription.Reference))
            subscription.IsNewer(direction);
        return subscription;
    }

    /// <summary>One edition's subscription, and the last version pushed for each of its screens.</summary>
    private sealed class Subscription(ScreenObserver observer, IScreenObserver reference, IScreenDirectorGrain director)
    {
        private readonly ConcurrentDictionary<string, long> _pushed = new();

        // The grain holds only a weak reference to the observer; this keeps it alive.
        public ScreenObserver Observer { get; } = observer;
        public IScreenObserver Reference { get; } = reference;
        public IScreenDirectorGrain Director { get; } = director;

        /// <summary>Records the direction's version; false when it is not newer than what was pushed.</summary>
        public bool IsNewer(ScreenDirection direction)
        {
            var key = direction.ScreenName.ToUpperInvariant();
            while (true)
            {
                if (_pushed.TryGetValue(key, out var last))
                {
                    if (direction.Version <= last)
                        return false;
                    if (_pushed.TryUpdate(key, direction.Version, last))
                        return true;
                }
                else if (_pushed.TryAdd(key, direction.Version))
                    return true;
            }
        }
    }
}
