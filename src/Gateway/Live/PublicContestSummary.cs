using Craftsman.Contracts.Contests;

namespace Craftsman.Gateway.Live;

/// <summary>One occupation's line on the edition overview (the big screen's rotation).</summary>
public sealed record PublicContestSummary(
    string EditionId,
    string OccupationCode,
    RoundPhase Phase,
    long Version,
    int ContestantCount,
    PublicStanding? Leader,
    ArenaResult Arena)
{
    /// <summary>On a push, the version the connection was given before for this occupation; 0 in the overview's first answer.</summary>
    public long Follows { get; init; }

    public static PublicContestSummary From(ContestKey key, Leaderboard board)
    {
        var publicBoard = PublicLeaderboard.From(key, board);
        // During a bottom-up reveal the first line shown is not the leader.
        var leader = board.Withheld > 0 ? null : publicBoard.Standings.FirstOrDefault();
        return new(key.EditionId, key.OccupationCode, board.Phase, board.Version, board.Standings.Length + board.Withheld, leader, board.Arena);
    }
}
