namespace Craftsman.Load;

/// <summary>The gateway's memory at the end of one phase; null where the gateway did not say.</summary>
public sealed record MemorySample(
    string Phase,
    DateTimeOffset At,
    long? WorkingSetBytes,
    long? PrivateMemoryBytes,
    long? GcHeapBytes,
    long? Connections,
    long? OpenFileDescriptors,
    double? CpuSeconds);
