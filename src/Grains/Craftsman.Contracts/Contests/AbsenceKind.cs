namespace Craftsman.Contracts.Contests;

/// <summary>Why a contestant does not compete in a round: they are listed after those who do, unranked.</summary>
[GenerateSerializer, Alias("craftsman.AbsenceKind")]
public enum AbsenceKind
{
    /// <summary>Did not report at check-in (缺考).</summary>
    Absent = 0,

    /// <summary>Withdrew of their own accord (退赛).</summary>
    Withdrawn = 1,

    /// <summary>Excluded by the organiser for a breach of the rules (取消资格).</summary>
    Disqualified = 2,
}
