namespace Craftsman.Contracts.Analytics;

/// <summary>
/// How one judge marks compared with their panel. <see cref="Marks"/> counts every mark they
/// entered, judgement and measurement alike. Leniency is the mean of (their judgement mark − the
/// panel's aggregate), as a percentage of each criterion's maximum so criteria of different size
/// weigh alike: positive is generous, negative severe. Spread is the standard deviation of those
/// deviations: how consistently they differ. Both are null for a judge who entered no judgement
/// mark (a measurement has no panel to compare with). Flag rate is the share of the criteria they
/// marked that ended flagged, by either kind of flag (spread over tolerance, measurement
/// disagreement); dropped rate the share of their judgement marks trimmed as highest or lowest.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.JudgeStatistics")]
public sealed record JudgeStatistics(
    [property: Id(0)] string JudgeId,
    [property: Id(1)] string OccupationCode,
    [property: Id(2)] int Marks,
    [property: Id(3)] decimal? Leniency,
    [property: Id(4)] decimal? Spread,
    [property: Id(5)] decimal FlagRate,
    [property: Id(6)] decimal? DroppedRate,
    [property: Id(7)] int JudgementMarks,
    [property: Id(8)] int MeasurementMarks);
