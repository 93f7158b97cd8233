namespace Craftsman.Load;

/// <summary>A <see cref="LatencyHistogram"/> on the wire: totals and the non-empty buckets as [index, count].</summary>
public sealed record HistogramData(long Count, long SumUs, long MaxUs, IReadOnlyList<long[]> Buckets);
