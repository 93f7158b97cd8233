using System.Collections.Immutable;
using System.Diagnostics;
using Craftsman.Contracts.Contests;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Live;

/// <summary>
/// This gateway's one subscription per followed occupation (DESIGN.md §4), the latest boards it
/// was told (which answer every snapshot without a grain call) and who follows what. Each update
/// is posted to every follower's own mailbox, which never waits: a connection that stops reading
/// gets only the latest board when it reads again, and delays no other connection.
/// </summary>
public sealed class ContestFeed(
    ClusterAccess cluster,
    ConnectionRegistry connections,
    IOptions<LiveOptions> options,
    ILogger<ContestFeed> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ContestKey, Subscription> _subscriptions = [];
    private readonly Dictionary<string, HashSet<Topic>> _followed = [];
    private long _snapshots;

    public int SubscriptionCount
    {
        get { lock (_gate) return _subscriptions.Count; }
    }

    /// <summary>Snapshots answered from this feed's cached boards (the hubs count them to show that pushes make them rare).</summary>
    public long SnapshotsAnswered => Interlocked.Read(ref _snapshots);

    /// <summary>Whether this gateway already follows the contest (so it exists and needs no look-up).</summary>
    public bool Knows(ContestKey key)
    {
        lock (_gate)
            return _subscriptions.TryGetValue(key, out var s) && s.Public is not null;
    }

    /// <summary>
    /// Starts posting <paramref name="topic"/> to the connection; answers the contest's latest live
    /// and public boards, from which the connection starts (its next push follows that version).
    /// </summary>
    public async Task<(Leaderboard Live, Leaderboard Public)> Follow(string connectionId, Topic topic)
    {
        var connection = connections.Find(connectionId) ?? throw new InvalidOperationException($"Connection {connectionId} is not open.");
        Subscription subscription;
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(topic.Key, out subscription!))
            {
                subscription = new Subscription(topic.Key, this, cluster.Grains);
                _subscriptions[topic.Key] = subscription;
                subscription.Ready = Subscribe(subscription);
            }
            // Held before the first await, so an unfollow racing this call cannot drop the subscription.
            subscription.Followers.Add((topic.Kind, connection));
            if (!_followed.TryGetValue(connectionId, out var topics))
                _followed[connectionId] = topics = [];
            topics.Add(topic);
        }
        await subscription.Ready;
        lock (subscription.PostGate)
            lock (_gate)
            {
                connection.Mailbox.Sent(topic, subscription.Public!.Version);
                return (subscription.Live!, subscription.Public!);
            }
    }

    /// <summary>The cached public board for a connection that asks again (a gap or a reconnect), or null if this gateway does not follow the contest yet.</summary>
    public Leaderboard? Snapshot(string connectionId, ContestKey key)
    {
        Subscription? subscription;
        lock (_gate)
            if (!_subscriptions.TryGetValue(key, out subscription))
                return null;
        lock (subscription.PostGate)
            lock (_gate)
            {
                if (subscription.Public is not { } board)
                    return null;
                Interlocked.Increment(ref _snapshots);
                connections.Find(connectionId)?.Mailbox.Sent(new Topic(TopicKind.Board, key), board.Version);
                return board;
            }
    }

    public Task Unfollow(string connectionId, Topic topic)
    {
        Subscription? dropped = null;
        lock (_gate)
        {
            if (_followed.TryGetValue(connectionId, out var topics))
                topics.Remove(topic);
            if (_subscriptions.TryGetValue(topic.Key, out var subscription)
                && subscription.Followers.RemoveWhere(f => f.Kind == topic.Kind && f.Connection.Id == connectionId) > 0
                && subscription.Followers.Count == 0)
            {
                _subscriptions.Remove(topic.Key);
                dropped = subscription;
            }
        }
        connections.Find(connectionId)?.Mailbox.Forget(topic);
        return dropped is null ? Task.CompletedTask : Drop(dropped);
    }

    public async Task Forget(string connectionId)
    {
        Topic[] topics;
        lock (_gate)
        {
            if (!_followed.Remove(connectionId, out var followed))
                return;
            topics = [.. followed];
        }
        foreach (var topic in topics)
            await Unfollow(connectionId, topic);
    }

    /// <summary>Called by the observer; never blocks on a connection.</summary>
    public void OnChanged(ContestKey key, ContestUpdate update) => Post(key, update, renewal: false);

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
                if (!IsCurrent(subscription))
                    continue;
                try
                {
                    var update = await subscription.Grain.Subscribe(subscription.Reference);
                    if (!IsCurrent(subscription))
                    {
                        // Its last follower left while this renewal was on its way, so the renewal may have
                        // registered again an observer that is already released: every change would then be
                        // sent to nobody (and logged as an unknown target) until the subscription expired.
                        await subscription.Grain.Unsubscribe(subscription.Reference);
                        continue;
                    }
                    Post(subscription.Key, update, renewal: true);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Could not renew the subscription to {Contest}; will retry.", subscription.Key);
                }
            }
        }
    }

    private bool IsCurrent(Subscription subscription)
    {
        lock (_gate)
            return _subscriptions.TryGetValue(subscription.Key, out var known) && known == subscription;
    }

    private void Post(ContestKey key, ContestUpdate update, bool renewal)
    {
        var arrived = Stopwatch.GetTimestamp();
        Subscription? subscription;
        lock (_gate)
            if (!_subscriptions.TryGetValue(key, out subscription))
                return;
        // One update of a contest at a time, in order; posting itself never waits on a connection.
        lock (subscription.PostGate)
        {
            Leaderboard? previousPublic;
            (TopicKind Kind, TrackedConnection Connection)[] followers;
            lock (_gate)
            {
                if (subscription.Live is { } live && update.Board.Version <= live.Version)
                    return;
                previousPublic = subscription.Public;
                subscription.Live = update.Board;
                subscription.Public = update.PublicBoard;
                followers = [.. subscription.Followers];
            }
            try
            {
                Fan(key, update, renewal, previousPublic, followers);
                // Until every local connection's mailbox holds it (each writes on its own from there).
                GatewayMetrics.PushLag.Record(Stopwatch.GetElapsedTime(arrived).TotalSeconds, new KeyValuePair<string, object?>("occupation", key.ToString()));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Posting version {Version} of {Contest} failed.", update.Board.Version, key);
            }
        }
    }

    private static void Fan(ContestKey key, ContestUpdate update, bool renewal, Leaderboard? previousPublic,
        (TopicKind Kind, TrackedConnection Connection)[] followers)
    {
        var board = update.PublicBoard;
        // While frozen the public board stays as it was although the live one moves on: nothing to tell viewers.
        var publicChanged = previousPublic is null || board.Version != previousPublic.Version || board.Phase != previousPublic.Phase
            || board.Frozen != previousPublic.Frozen || board.Withheld != previousPublic.Withheld || board.Blind != previousPublic.Blind;
        var leaderboard = PublicLeaderboard.From(key, board);
        var summary = PublicContestSummary.From(key, board);
        var boardTopic = new Topic(TopicKind.Board, key);
        var overviewTopic = new Topic(TopicKind.Overview, key);
        var boardCall = new SharedInvocation(nameof(ILiveClient.LeaderboardChanged), follows => leaderboard with { Follows = follows });
        var overviewCall = new SharedInvocation(nameof(ILiveClient.OverviewChanged), follows => summary with { Follows = follows });

        var sheets = update.Changed.IsDefault ? [] : update.Changed;
        // A renewal's answer, or an update after the contest restarted (it follows 0), may come after
        // updates this gateway never received: its pushes follow their own version, so tablets resync.
        var panelFollows = renewal || update.Follows == 0 ? update.Board.Version : update.Follows;
        var panel = new PanelPush(new Topic(TopicKind.Panel, key), update.Board.Version, update.Board.Phase, panelFollows,
            (update.Progress.IsDefault ? [] : update.Progress).ToImmutableDictionary(p => p.ContestantId));
        var chief = new ScoresheetsPush(new Topic(TopicKind.Scoresheets, key), update.Board.Version,
            sheets.ToImmutableDictionary(s => s.ContestantId));

        foreach (var (kind, connection) in followers)
        {
            switch (kind)
            {
                case TopicKind.Board when publicChanged:
                    connection.Mailbox.Post(new LatestPush(boardTopic, board.Version, boardCall));
                    break;
                case TopicKind.Overview when publicChanged:
                    connection.Mailbox.Post(new LatestPush(overviewTopic, board.Version, overviewCall));
                    break;
                case TopicKind.Panel:
                    connection.Mailbox.Post(panel);
                    break;
                case TopicKind.Scoresheets when sheets.Length > 0:
                    connection.Mailbox.Post(chief);
                    break;
            }
        }
    }

    private async Task Subscribe(Subscription subscription)
    {
        try
        {
            var current = await subscription.Grain.Subscribe(subscription.Reference);
            lock (_gate)
            {
                if (subscription.Live is null || current.Board.Version > subscription.Live.Version)
                {
                    subscription.Live = current.Board;
                    subscription.Public = current.PublicBoard;
                }
            }
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

    /// <summary>One followed contest. Its boards and followers are guarded by the feed's lock.</summary>
    private sealed class Subscription
    {
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

        /// <summary>Taken (before the feed's lock) while posting one update, so updates of one contest reach mailboxes in order.</summary>
        public Lock PostGate { get; } = new();

        public HashSet<(TopicKind Kind, TrackedConnection Connection)> Followers { get; } = [];
        public Task Ready { get; set; } = Task.CompletedTask;
        public Leaderboard? Live { get; set; }
        public Leaderboard? Public { get; set; }

        public void Release() => _grains.DeleteObjectReference<IContestObserver>(Reference);
    }
}
