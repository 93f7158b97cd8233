using System.Diagnostics;

namespace Craftsman.Load;

/// <summary>
/// Microseconds since the Unix epoch, read once from the system clock at start and advanced by
/// <see cref="Stopwatch"/> after that: monotonic within a process, and comparable across the
/// tool's processes on one machine (they all start from the same kernel clock), so a time stamped
/// by the judge in the coordinator can be subtracted from a receipt time in a worker.
/// </summary>
public static class UnixClock
{
    private static readonly long StartUnixUs = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
    private static readonly long StartTimestamp = Stopwatch.GetTimestamp();

    public static long NowUs => StartUnixUs + Stopwatch.GetElapsedTime(StartTimestamp).Ticks / 10;
}
