using Craftsman.Contracts.Screens;

namespace Craftsman.Gateway.Live;

/// <summary>What the live hub pushes to anyone watching.</summary>
public interface ILiveClient
{
    Task LeaderboardChanged(PublicLeaderboard board);

    Task OverviewChanged(PublicContestSummary summary);

    /// <summary>To a named screen's group: what the office now puts on it.</summary>
    Task ScreenDirected(ScreenDirection direction);
}
