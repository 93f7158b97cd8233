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
    public static PublicContestSummary From(string editionId, Leaderboard board)
    {
        var publicBoard = PublicLeaderboard.From(editionId, board);
        return new(editionId, board.OccupationCode, board.Phase, board.Version, board.Standings.Length,
            publicBoard.Standings.FirstOrDefault(), board.Arena);
    }
}
