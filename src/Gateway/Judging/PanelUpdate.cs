using System.Collections.Immutable;
using Craftsman.Contracts.Contests;

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
}
