namespace Craftsman.Load;

// The coordinator and its viewer workers talk in JSON lines: commands on the worker's stdin,
// messages on its stdout (its log goes to stderr).

/// <summary>A command to a worker: "report" (wait for the targets, then measure) or "stop".</summary>
public sealed record WorkerCommand(
    string Cmd,
    IReadOnlyDictionary<string, long[][]>? Acks = null,
    IReadOnlyDictionary<string, long>? Targets = null,
    int DrainMs = 0);

/// <summary>A worker's "progress", "ready", "result" or "stopped" line.</summary>
public sealed record WorkerMessage(
    string Type,
    int Worker,
    int Attempted = 0,
    int Connected = 0,
    int Failed = 0,
    int Held = 0,
    int Dropped = 0,
    IReadOnlyDictionary<string, int>? Failures = null,
    double ConnectSeconds = 0,
    double CpuSeconds = 0,
    long BoardsReceived = 0,
    long ForeignBoards = 0,
    long SnapshotsNeeded = 0,
    long PairsExpected = 0,
    long PairsMatched = 0,
    long NegativeLatencies = 0,
    long ReceiptsUntracked = 0,
    long BareMeasured = 0,
    bool DrainComplete = false,
    HistogramData? Latency = null);
