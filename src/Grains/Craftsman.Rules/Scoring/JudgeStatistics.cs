namespace Craftsman.Rules.Scoring;

/// <summary>
/// How one judge marks compared with their panel. Leniency is the mean of (their mark − the
/// panel's aggregate), as a percentage of each criterion's maximum so criteria of different size
/// weigh alike: positive is generous, negative severe. Spread is the standard deviation of those
/// deviations: how consistently they differ. Flag rate is the share of the criteria they marked
/// that ended flagged; dropped rate the share of their marks trimmed as highest or lowest.
/// </summary>
public sealed record JudgeStatistics(
    string JudgeId,
    string OccupationCode,
    int Marks,
    decimal Leniency,
    decimal Spread,
    decimal FlagRate,
    decimal DroppedRate);
