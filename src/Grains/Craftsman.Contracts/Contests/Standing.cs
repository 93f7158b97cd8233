using System.Collections.Immutable;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Contests;

/// <summary>One contestant's line on the leaderboard. Ranks are shared on a full tie (1, 1, 3); 0 means unranked.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Standing")]
public sealed record Standing(
    [property: Id(0)] int Rank,
    [property: Id(1)] string ContestantId,
    [property: Id(2)] string Name,
    [property: Id(3)] ContestantRole Role,
    [property: Id(4)] decimal Composite,
    [property: Id(5)] ImmutableArray<ModuleScore> Modules,
    [property: Id(6)] ResultStatus Status,
    [property: Id(7)] int MarkCount,
    [property: Id(8)] bool HasOpenFlags)
{
    /// <summary>Set when the contestant does not compete (absent, withdrawn, disqualified): listed last, unranked (rank 0).</summary>
    [Id(9)] public AbsenceKind? Absence { get; init; }

    /// <summary>How far the marking has come: criteria with a final aggregate, of all the scheme's criteria.</summary>
    [Id(10)] public int CriteriaFinal { get; init; }

    [Id(11)] public int CriteriaTotal { get; init; }
}
