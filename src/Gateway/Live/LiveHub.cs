using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Screens;
using Craftsman.Gateway.Cluster;
using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Live;

/// <summary>Read-only live results for anyone: follow an occupation or the edition overview.</summary>
public sealed class LiveHub(ContestFeed feed, ScreenFeed screens, ClusterAccess cluster) : Hub<ILiveClient>
{
    /// <summary>
    /// A hall screen comes up under its name: it joins that name's group and is told what to show;
    /// later changes arrive as <see cref="ILiveClient.ScreenDirected"/>.
    /// </summary>
    public async Task<ScreenDirection> FollowScreen(string editionId, string screenName)
    {
        await ContestKeys.All(cluster.Grains, editionId);
        await screens.Follow(editionId);
        var result = await cluster.Grains.GetGrain<IScreenDirectorGrain>(editionId).Register(screenName);
        if (result.Refusal is { } refusal)
            throw new HubException($"{refusal.Code}: {refusal.Message}");
        screens.Told(editionId, result.Direction!);
        await Groups.AddToGroupAsync(Context.ConnectionId, ScreenFeed.ScreenGroup(editionId, screenName));
        return result.Direction!;
    }

    public async Task<PublicLeaderboard> FollowOccupation(string editionId, string occupationCode)
    {
        var key = await ContestKeys.Resolve(cluster.Grains, editionId, occupationCode);
        await feed.Follow(Context.ConnectionId, key);
        await Groups.AddToGroupAsync(Context.ConnectionId, ContestFeed.BoardGroup(key));
        return await GetSnapshot(editionId, occupationCode);
    }

    public async Task UnfollowOccupation(string editionId, string occupationCode)
    {
        var key = new ContestKey(editionId, occupationCode);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ContestFeed.BoardGroup(key));
        await feed.Unfollow(Context.ConnectionId, key);
    }

    public async Task<PublicLeaderboard> GetSnapshot(string editionId, string occupationCode)
    {
        var key = await ContestKeys.Resolve(cluster.Grains, editionId, occupationCode);
        var board = await cluster.Grains.GetGrain<IContestGrain>(key.GrainKey).GetPublicBoard();
        return PublicLeaderboard.From(editionId, board);
    }

    public async Task<PublicContestSummary[]> FollowOverview(string editionId)
    {
        var keys = await ContestKeys.All(cluster.Grains, editionId);
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
