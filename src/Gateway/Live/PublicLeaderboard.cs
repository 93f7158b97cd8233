using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Gateway.Live;

/// <summary>
/// A leaderboard as the public may see it: aggregates only, never a judge's mark. Rank 0 means
/// unranked (nothing final yet, or not competing). Every push carries the occupation's version and
/// <see cref="Follows"/>, the version this gateway last gave the connection; a client that holds
/// another version asks for a snapshot.
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
    /// <summary>On a push, the version the connection was given before (its snapshot's or the previous push's); 0 on a snapshot.</summary>
    public long Follows { get; init; }

    /// <summary>
    /// Maps the contest's public board (already frozen and masked by the contest) to the wire, under
    /// the round code it was asked for: a stage's board names its occupation, but a page following
    /// "lift-repair~selection" must recognise the pushes as that round's, not the final's.
    /// </summary>
    public static PublicLeaderboard From(ContestKey key, Leaderboard board) => new(
        key.EditionId,
        key.OccupationCode,
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
