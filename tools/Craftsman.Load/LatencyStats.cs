namespace Craftsman.Load;

/// <summary>Percentiles of one latency distribution, in milliseconds.</summary>
public sealed record LatencyStats(long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
