using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Gateway.Cluster;
using Microsoft.AspNetCore.SignalR;
using Craftsman.Gateway.Api;
using Craftsman.Grains.Scoring;

namespace Craftsman.Gateway.Live;

/// <summary>Read-only live results for anyone: follow an occupation or the edition overview.</summary>
public sealed class LiveHub(ContestFeed feed, ClusterAccess cluster, EditionDirectory editions) : Hub<ILiveClient>
{
    public async Task<PublicLeaderboard> FollowOccupation(string editionId, string occupationCode)
    {
        var key = await ContestKeys.Resolve(cluster.Grains, editions, editionId, occupationCode);
        await feed.Follow(Context.ConnectionId, key);
        await Groups.AddToGroupAsync(Context.ConnectionId, ContestFeed.BoardGroup(key));
        return await GetSnapshot(editionId, occupationCode);
    }

    public async Task UnfollowOccupation(string editionId, string occupationCode)
    {
        if (!InputRules.IsId(editionId) || !InputRules.IsId(occupationCode))
            return;
        var key = new ContestKey(editionId, occupationCode);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ContestFeed.BoardGroup(key));
        await feed.Unfollow(Context.ConnectionId, key);
    }

    public async Task<PublicLeaderboard> GetSnapshot(string editionId, string occupationCode)
    {
        var key = await ContestKeys.Resolve(cluster.Grains, editions, editionId, occupationCode);
        var board = await cluster.Grains.GetGrain<IContestGrain>(key.GrainKey).GetPublicBoard();
        return PublicLeaderboard.From(editionId, board);
    }

    public async Task<PublicContestSummary[]> FollowOverview(string editionId)
    {
        var keys = await ContestKeys.All(cluster.Grains, editions, editionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, ContestFeed.OverviewGroup(editionId));
        await Task.WhenAll(keys.Select(k => feed.Follow(Context.ConnectionId, k)));
        var boards = await Task.WhenAll(keys.Select(k => cluster.Grains.GetGrain<IContestGrain>(k.GrainKey).GetPublicBoard()));
        return [.. boards.Select(b => PublicContestSummary.From(editionId, b))];
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feed.Forget(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
