using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Gateway.Live;

/// <summary>
/// A leaderboard as the public may see it: aggregates only, never a judge's mark. Rank 0 means
/// unranked (nothing final yet, or not competing). Every push
/// carries the occupation's version; a client that sees a gap asks for a snapshot.
/// </summary>
public sealed record PublicLeaderboard(
    string EditionId,
    string OccupationCode,
    long Version,
    RoundPhase Phase,
    ImmutableArray<PublicStanding> Standings,
    ArenaResult Arena,
    DateTimeOffset UpdatedAt,
    bool Blind,
    bool Frozen,
    int Withheld)
{
    /// <summary>Maps the contest's public board (already frozen and masked by the contest) to the wire.</summary>
    public static PublicLeaderboard From(string editionId, Leaderboard board) => new(
        editionId,
        board.OccupationCode,
        board.Version,
        board.Phase,
        [.. board.Standings.Select(s => new PublicStanding(s.Rank, s.ContestantId, s.Name, s.Role, s.Composite, s.Modules, s.Status, s.MarkCount, s.HasOpenFlags,
            s.Absence, s.CriteriaFinal, s.CriteriaTotal))],
        board.Arena,
        board.UpdatedAt,
        board.Blind,
        board.Frozen,
        board.Withheld);
}

public sealed record PublicStanding(
    int Rank,
    string ContestantId,
    string DisplayName,
    ContestantRole Role,
    decimal Composite,
    ImmutableArray<ModuleScore> Modules,
    ResultStatus Status,
    int MarkCount,
    bool HasOpenFlags,
    AbsenceKind? Absence,
    int CriteriaFinal,
    int CriteriaTotal);
