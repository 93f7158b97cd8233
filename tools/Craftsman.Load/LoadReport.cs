namespace Craftsman.Load;

// The report, printed as a table or, with --json, serialised as it is.

public sealed record LoadReport(
    string Url,
    string Edition,
    string Mode,
    int ViewersRequested,
    int Workers,
    int JudgesRequested,
    double MarksPerSecond,
    double BareBroadcastsPerSecond,
    int WarmupSeconds,
    int DurationSeconds,
    IReadOnlyList<string> Occupations,
    ProductReport? Product,
    BareReport? Bare,
    double? P99Ratio,
    IReadOnlyList<MemorySample> Memory,
    IReadOnlyList<TargetCheck> Targets);

/// <summary>
/// How the viewer connections of one phase fared: connected when it started, held when it ended;
/// and the CPU the viewer workers and the gateway spent from "connected" to the end of the drain.
/// </summary>
public sealed record ViewerPhase(
    int Requested,
    int Attempted,
    int Connected,
    int Failed,
    int Held,
    int Dropped,
    double ConnectSeconds,
    IReadOnlyDictionary<string, int> Failures,
    double WorkerCpuSeconds,
    double? GatewayCpuSeconds,
    double LoadSeconds);

/// <summary>
/// The product run. Mark-to-screen counts one sample per (measured mark, viewer of its occupation);
/// PairsMatched of PairsExpected are the pairs whose board arrived before the drain ended.
/// </summary>
public sealed record ProductReport(
    ViewerPhase Viewers,
    JudgeResult Judges,
    LatencyStats MarkToScreen,
    long PairsExpected,
    long PairsMatched,
    long BoardsReceived,
    long NegativeLatencies,
    long ReceiptsUntracked,
    bool DrainComplete,
    int? BoardBytes,
    long SnapshotsNeeded);

/// <summary>The bare run: one sample per (measured broadcast, viewer).</summary>
public sealed record BareReport(
    ViewerPhase Viewers,
    BareResult Sender,
    LatencyStats Latency,
    long Expected,
    long Received,
    long BoardsReceived,
    bool DrainComplete);

public sealed record TargetCheck(string Name, string Measured, string Target, bool Met);
