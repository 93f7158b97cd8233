using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;

namespace Craftsman.Gateway.Judging;

/// <summary>
/// A panel's progress as every judge may see it: how many marks each criterion has and whether it
/// is final or flagged — never another judge's values. A push holds every contestant changed
/// since <see cref="Follows"/>: a tablet that has that version (or a newer one) applies it; one that
/// has an older version fetches <c>GetPanelProgress</c>. A snapshot holds every contestant.
/// </summary>
public sealed record PanelUpdate(string OccupationCode, long Version, RoundPhase Phase, ImmutableArray<ContestantProgress> Contestants)
{
    public long Follows { get; init; }

    public static PanelUpdate From(Leaderboard board, IEnumerable<Scoresheet> sheets) =>
        new(board.OccupationCode, board.Version, board.Phase, [.. sheets.Select(ContestantProgress.From)]);
}

public sealed record ContestantProgress(string ContestantId, ImmutableArray<CriterionProgress> Criteria)
{
    public static ContestantProgress From(Scoresheet sheet) =>
        new(sheet.ContestantId, [.. sheet.Criteria.Select(c => new CriterionProgress(c.CriterionId, c.MarkCount, c.IsFinal, c.Flag))]);
}

public sealed record CriterionProgress(string CriterionId, int MarkCount, bool IsFinal, CriterionFlag Flag);
