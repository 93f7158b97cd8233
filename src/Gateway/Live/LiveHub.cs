using Craftsman.Contracts.Input;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Screens;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Craftsman.Gateway.Refusals;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Live;

/// <summary>
/// Read-only live results for anyone: follow an occupation or the edition overview. Snapshots come
/// from the feed's cached boards, so a viewer's resync costs no grain call.
/// </summary>
public sealed class LiveHub(ContestFeed feed, ScreenFeed screens, ClusterAccess cluster, EditionDirectory editions,
    ConnectionRegistry connections, IOptions<LiveOptions> options) : Hub<ILiveClient>
{
    public const string TooManyConnections = "TooManyConnections";

    /// <summary>
    /// A hall screen comes up under its name: it joins that name's group and is told what to show;
    /// later changes arrive as <see cref="ILiveClient.ScreenDirected"/>.
    /// </summary>
    public async Task<ScreenDirection> FollowScreen(string editionId, string screenName)
    {
        await ContestKeys.All(cluster.Grains, editions, editionId);
        await screens.Follow(editionId);
        var result = await cluster.Grains.GetGrain<IScreenDirectorGrain>(editionId).Register(screenName);
        if (result.Refusal is { } refusal)
            throw HubRefusal.Exception(refusal.Code.ToString(), refusal.Message);
        screens.Told(editionId, result.Direction!);
        await Groups.AddToGroupAsync(Context.ConnectionId, ScreenFeed.ScreenGroup(editionId, screenName));
        return result.Direction!;
    }

    public override async Task OnConnectedAsync()
    {
        // The address check before the connection (LiveConnectionLimit) can be raced by many at once; this one cannot.
        var limit = options.Value.ConnectionsPerAddress;
        var address = connections.Find(Context.ConnectionId)?.Address;
        if (limit > 0 && address is not null && connections.CountAt(typeof(LiveHub), address) > limit)
            throw HubRefusal.Exception(TooManyConnections, $"This address already holds {limit} live connections.", ("limit", $"{limit}"));
        await base.OnConnectedAsync();
    }

    public async Task<PublicLeaderboard> FollowOccupation(string editionId, string occupationCode)
    {
        var key = await Resolve(editionId, occupationCode);
        var (_, board) = await feed.Follow(Context.ConnectionId, new Topic(TopicKind.Board, key));
        return PublicLeaderboard.From(key, board);
    }

    public async Task UnfollowOccupation(string editionId, string occupationCode)
    {
        if (InputRules.IsId(editionId) && InputRules.IsRoundCode(occupationCode))
            await feed.Unfollow(Context.ConnectionId, new Topic(TopicKind.Board, new ContestKey(editionId, occupationCode)));
    }

    public async Task<PublicLeaderboard> GetSnapshot(string editionId, string occupationCode)
    {
        var key = await Resolve(editionId, occupationCode);
        var board = feed.Snapshot(Context.ConnectionId, key) ?? await cluster.Grains.GetGrain<IContestGrain>(key.GrainKey).GetBoard(Audience.Public);
        return PublicLeaderboard.From(key, board);
    }

    public async Task<PublicContestSummary[]> FollowOverview(string editionId)
    {
        var keys = await ContestKeys.All(cluster.Grains, editions, editionId);
        var boards = await Task.WhenAll(keys.Select(k => feed.Follow(Context.ConnectionId, new Topic(TopicKind.Overview, k))));
        return [.. keys.Zip(boards, (k, b) => PublicContestSummary.From(k, b.Public))];
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feed.Forget(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<ContestKey> Resolve(string editionId, string occupationCode)
    {
        var key = new ContestKey(editionId ?? "", occupationCode ?? "");
        return feed.Knows(key) ? key : await ContestKeys.Resolve(cluster.Grains, editions, editionId!, occupationCode!);
    }
}
