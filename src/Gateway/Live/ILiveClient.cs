namespace Craftsman.Gateway.Live;

/// <summary>What the live hub pushes to anyone watching.</summary>
public interface ILiveClient
{
    Task LeaderboardChanged(PublicLeaderboard board);

    Task OverviewChanged(PublicContestSummary summary);
}
