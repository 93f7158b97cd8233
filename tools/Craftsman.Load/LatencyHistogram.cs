namespace Craftsman.Load;

/// <summary>
/// Latencies in microseconds, in log-linear buckets (64 per power of two, so a percentile is within
/// 1.6 % of the true value; the maximum is exact). Thread-safe to record into, cheap to merge, and
/// small to ship from a worker process: only non-empty buckets travel.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int MaxMagnitude = 40; // 2^41 µs is about 25 days
    private const int BucketCount = (MaxMagnitude - SubBucketBits + 1) * SubBuckets;
    private const long Largest = (1L << (MaxMagnitude + 1)) - 1;

    private readonly long[] _buckets = new long[BucketCount];
    private long _count;
    private long _sumUs;
    private long _maxUs = -1;

    public long Count => Interlocked.Read(ref _count);

    public void Record(long microseconds)
    {
        var value = Math.Clamp(microseconds, 0, Largest);
        Interlocked.Increment(ref _buckets[IndexOf(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumUs, value);
        var max = Interlocked.Read(ref _maxUs);
        while (value > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxUs, value, max);
            if (seen == max)
                break;
            max = seen;
        }
    }

    public void Merge(HistogramData? data)
    {
        if (data is null || data.Count == 0)
            return;
        foreach (var pair in data.Buckets)
        {
            if (pair is [var index, var count] && index >= 0 && index < BucketCount)
                Interlocked.Add(ref _buckets[index], count);
        }
        Interlocked.Add(ref _count, data.Count);
        Interlocked.Add(ref _sumUs, data.SumUs);
        if (data.MaxUs > Interlocked.Read(ref _maxUs))
            Interlocked.Exchange(ref _maxUs, data.MaxUs);
    }

    public HistogramData ToData()
    {
        var buckets = new List<long[]>();
        for (var i = 0; i < BucketCount; i++)
        {
            var count = Interlocked.Read(ref _buckets[i]);
            if (count > 0)
                buckets.Add([i, count]);
        }
        return new HistogramData(Count, Interlocked.Read(ref _sumUs), Interlocked.Read(ref _maxUs), buckets);
    }

    public LatencyStats Stats()
    {
        var count = Count;
        if (count == 0)
            return LatencyStats.Empty;
        var max = Interlocked.Read(ref _maxUs);
        return new LatencyStats(
            count,
            Interlocked.Read(ref _sumUs) / (double)count / 1000.0,
            Percentile(50, count, max),
            Percentile(95, count, max),
            Percentile(99, count, max),
            max / 1000.0);
    }

    /// <summary>The upper edge of the bucket holding the rank, in milliseconds (never above the maximum).</summary>
    private double Percentile(double percent, long count, long max)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
                return Math.Min(UpperEdge(i), max) / 1000.0;
        }
        return max / 1000.0;
    }

    private static int IndexOf(long value)
    {
        if (value < SubBuckets)
            return (int)value;
        var magnitude = 63 - (int)long.LeadingZeroCount(value);
        var shift = magnitude - SubBucketBits;
        return (magnitude - SubBucketBits + 1) * SubBuckets + (int)((value >> shift) & (SubBuckets - 1));
    }

    private static long UpperEdge(int index)
    {
        if (index < SubBuckets)
            return index;
        var shift = index / SubBuckets - 1;
        var sub = index % SubBuckets;
        return ((long)(SubBuckets + sub) << shift) + (1L << shift) - 1;
    }
}
