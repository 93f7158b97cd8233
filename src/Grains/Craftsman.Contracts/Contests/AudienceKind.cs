namespace Craftsman.Contracts.Contests;

/// <summary>The audiences of a round (DESIGN.md §1): each sees what <c>RoundViews</c> gives it and nothing else.</summary>
[GenerateSerializer, Alias("craftsman.AudienceKind")]
public enum AudienceKind
{
    /// <summary>Anyone without a token: boards, phones, big screens, streams.</summary>
    Public = 0,
    Judge = 1,
    ChiefJudge = 2,
    EncryptionOfficer = 3,
    Arbitration = 4,
    Organiser = 5,
}
