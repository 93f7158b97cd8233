using System.Diagnostics;

namespace Craftsman.Failover;

/// <summary>One monotonic clock for the whole run: every event is stamped with the time since the tool started.</summary>
public static class RunClock
{
    private static readonly Stopwatch Watch = Stopwatch.StartNew();

    public static TimeSpan Now => Watch.Elapsed;
}
