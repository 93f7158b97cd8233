namespace Craftsman.Load;

/// <summary>
/// The judges' side of a product run. <see cref="AckedPerSecond"/> counts marks sent after the
/// warm-up that were acknowledged, even after the sending stopped; <see cref="AckedInWindowPerSecond"/>
/// counts acknowledgements received during the measured seconds: the rate the server kept up.
/// </summary>
public sealed record JudgeResult(
    int JudgesConnected,
    int JudgeConnectFailures,
    int JudgesDropped,
    double SendingSeconds,
    int MeasuredSeconds,
    long Sent,
    long SentMeasured,
    long Skipped,
    long Accepted,
    long AcceptedMeasured,
    long Corrections,
    long Rejected,
    long Failed,
    long TimedOut,
    int StillPending,
    double AckedPerSecond,
    double AckedInWindowPerSecond,
    LatencyStats AckLatency,
    IReadOnlyDictionary<string, int> Rejections,
    IReadOnlyDictionary<string, int> Errors);
