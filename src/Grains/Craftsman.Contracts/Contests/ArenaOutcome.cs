namespace Craftsman.Contracts.Contests;

[GenerateSerializer, Alias("craftsman.ArenaOutcome")]
public enum ArenaOutcome
{
    /// <summary>No composite yet.</summary>
    Pending = 0,

    /// <summary>守擂成功: a seed stands at rank 1.</summary>
    SeedHeld = 1,

    /// <summary>攻擂成功: a challenger finishes above every seed.</summary>
    ChallengerTook = 2,

    /// <summary>The top composite is below the edition's qualifying score: no title this edition.</summary>
    NotQualified = 3,

    /// <summary>Review-only occupation: there is no arena.</summary>
    NotApplicable = 4,
}
