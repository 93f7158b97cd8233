using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Gateway.Cluster;
using System.Diagnostics;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Live;

/// <summary>
/// This gateway's one subscription per followed occupation (DESIGN.md §4). Updates from a contest
/// are coalesced — while one broadcast is in flight only the newest board waits — and fanned out
/// to the local SignalR groups, so no viewer ever causes a grain call on the hot path.
/// </summary>
public sealed class ContestFeed(
    ClusterAccess cluster,
    IHubContext<LiveHub, ILiveClient> live,
    IHubContext<JudgingHub, IJudgingClient> judging,
    IOptions<LiveOptions> options,
    ILogger<ContestFeed> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ContestKey, Subscription> _subscriptions = [];
    private readonly Dictionary<string, HashSet<ContestKey>> _followed = [];

    public static string BoardGroup(ContestKey key) => $"board:{key}";
    public static string OverviewGroup(string editionId) => $"overview:{editionId}";
    public static string PanelGroup(ContestKey key) => $"panel:{key}";
    public static string ChiefGroup(ContestKey key) => $"chief:{key}";

    public int SubscriptionCount
    {
        get { lock (_gate) return _subscriptions.Count; }
    }

    public async Task Follow(string connectionId, ContestKey key)
    {
        Subscription subscription;
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(key, out subscription!))
            {
                subscription = new Subscription(key, this, cluster.Grains);
                _subscriptions[key] = subscription;
                subscription.Ready = Subscribe(subscription);
            }
            subscription.Followers.Add(connectionId);
            if (!_followed.TryGetValue(connectionId, out var keys))
                _followed[connectionId] = keys = [];
            keys.Add(key);
        }
        await subscription.Ready;
    }

    public Task Unfollow(string connectionId, ContestKey key)
    {
        Subscription? dropped = null;
        lock (_gate)
        {
            if (_followed.TryGetValue(connectionId, out var keys))
                keys.Remove(key);
            if (_subscriptions.TryGetValue(key, out var subscription) && subscription.Followers.Remove(connectionId) && subscription.Followers.Count == 0)
            {
                _subscriptions.Remove(key);
                dropped = subscription;
            }
        }
        return dropped is null ? Task.CompletedTask : Drop(dropped);
    }

    public async Task Forget(string connectionId)
    {
        ContestKey[] keys;
        lock (_gate)
        {
            if (!_followed.Remove(connectionId, out var followed))
                return;
            keys = [.. followed];
        }
        foreach (var key in keys)
            await Unfollow(connectionId, key);
    }

    /// <summary>Called by the observer; never blocks the caller.</summary>
    public void OnChanged(ContestKey key, ContestUpdate update)
    {
        Subscription? subscription;
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(key, out subscription) || !subscription.Offer(update))
                return;
        }
        _ = Task.Run(() => Pump(subscription));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Subscription[] current;
            lock (_gate)
                current = [.. _subscriptions.Values];
            foreach (var subscription in current)
            {
                try
                {
                    OnChanged(subscription.Key, await subscription.Grain.Subscribe(subscription.Reference));
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Could not renew the subscription to {Contest}; will retry.", subscription.Key);
                }
            }
        }
    }

    private async Task Subscribe(Subscription subscription)
    {
        try
        {
            var current = await subscription.Grain.Subscribe(subscription.Reference);
            lock (_gate)
                subscription.Offer(current, broadcast: false);
        }
        catch
        {
            // Let the next follower try again instead of waiting on this failure for ever.
            lock (_gate)
                if (_subscriptions.TryGetValue(subscription.Key, out var known) && known == subscription)
                    _subscriptions.Remove(subscription.Key);
            throw;
        }
    }

    private async Task Drop(Subscription subscription)
    {
        try
        {
            await subscription.Grain.Unsubscribe(subscription.Reference);
        }
        catch (Exception e)
        {
            // The subscription expires on its own; nothing depends on this call.
            logger.LogDebug(e, "Unsubscribing from {Contest} failed.", subscription.Key);
        }
        subscription.Release();
    }

    private async Task Pump(Subscription subscription)
    {
        while (true)
        {
            Pending next;
            lock (_gate)
            {
                if (!subscription.TryTake(out next))
                    return;
            }
            try
            {
                await Broadcast(subscription.Key, next);
                GatewayMetrics.PushLag.Record(Stopwatch.GetElapsedTime(next.Since).TotalSeconds, new KeyValuePair<string, object?>("occupation", subscription.Key.ToString()));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Broadcasting version {Version} of {Contest} failed.", next.Board.Version, subscription.Key);
            }
        }
    }

    private async Task Broadcast(ContestKey key, Pending update)
    {
        var tasks = new List<Task>
        {
            live.Clients.Group(BoardGroup(key)).LeaderboardChanged(PublicLeaderboard.From(key.EditionId, update.PublicBoard)),
            live.Clients.Group(OverviewGroup(key.EditionId)).OverviewChanged(PublicContestSummary.From(key.EditionId, update.PublicBoard)),
            judging.Clients.Group(PanelGroup(key)).PanelChanged(PanelUpdate.From(update.Board, update.Sheets)),
        };
        tasks.AddRange(update.Sheets.Select(sheet => judging.Clients.Group(ChiefGroup(key)).ScoresheetChanged(sheet)));
        await Task.WhenAll(tasks);
    }

    /// <param name="Since">When the oldest update folded into this one reached the gateway (push lag is measured from there).</param>
    private readonly record struct Pending(Leaderboard Board, Leaderboard PublicBoard, IReadOnlyCollection<Scoresheet> Sheets, long Since);

    /// <summary>One followed contest. Its fields are guarded by the feed's lock.</summary>
    private sealed class Subscription
    {
        private readonly Dictionary<string, Scoresheet> _pendingSheets = [];
        private ContestUpdate? _pending;
        private long _pendingSince;
        private long _lastOffered = -1;
        private bool _pumping;

        private readonly IGrainFactory _grains;

        public Subscription(ContestKey key, ContestFeed feed, IGrainFactory grains)
        {
            _grains = grains;
            Key = key;
            Observer = new ContestObserver(feed, key);
            Reference = grains.CreateObjectReference<IContestObserver>(Observer);
            Grain = grains.GetGrain<IContestGrain>(key.GrainKey);
        }

        public ContestKey Key { get; }
        public IContestGrain Grain { get; }

        // The grain holds only a weak reference to the observer; this keeps it alive.
        public ContestObserver Observer { get; }
        public IContestObserver Reference { get; }
        public HashSet<string> Followers { get; } = [];
        public Task Ready { get; set; } = Task.CompletedTask;

        public void Release() => _grains.DeleteObjectReference<IContestObserver>(Reference);

        /// <summary>Queues a newer update; answers whether a pump must be started.</summary>
        public bool Offer(ContestUpdate update, bool broadcast = true)
        {
            if (update.Board.Version <= _lastOffered)
                return false;
            _lastOffered = update.Board.Version;
            if (!broadcast)
                return false;
            foreach (var sheet in update.Changed.IsDefault ? [] : update.Changed)
                _pendingSheets[sheet.ContestantId] = sheet;
            if (_pending is null)
                _pendingSince = Stopwatch.GetTimestamp();
            _pending = update;
            if (_pumping)
                return false;
            _pumping = true;
            return true;
        }

        public bool TryTake(out Pending next)
        {
            if (_pending is null)
            {
                _pumping = false;
                next = default;
                return false;
            }
            next = new Pending(_pending.Board, _pending.PublicBoard, [.. _pendingSheets.Values], _pendingSince);
            _pending = null;
            _pendingSheets.Clear();
            return true;
        }
    }
}
