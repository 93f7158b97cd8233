namespace Craftsman.Load;

/// <summary>The judges' side of a product run. Rates count marks sent after the warm-up only.</summary>
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
    LatencyStats AckLatency,
    IReadOnlyDictionary<string, int> Rejections,
    IReadOnlyDictionary<string, int> Errors);
