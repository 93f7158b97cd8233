using System.Diagnostics;

namespace Craftsman.Gateway.Benchmark;

/// <summary>The gateway process's memory and connections as <c>GET /bench/process</c> answers them.</summary>
public sealed record ProcessSnapshot(
    int ProcessId,
    long WorkingSetBytes,
    long PrivateMemoryBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    long? Connections,
    long? KestrelConnections,
    long BareHubConnections,
    int? OpenFileDescriptors,
    int ThreadCount,
    double CpuSeconds,
    DateTimeOffset At)
{
    /// <param name="collect">Run a full blocking GC first, for a settled heap figure (costly under load).</param>
    public static ProcessSnapshot Take(ConnectionCounter counter, bool collect)
    {
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(
            process.Id,
            process.WorkingSet64,
            process.PrivateMemorySize64,
            GC.GetTotalMemory(forceFullCollection: false),
            GC.GetGCMemoryInfo().TotalCommittedBytes,
            counter.SignalR,
            counter.Kestrel,
            counter.BareHub,
            CountOpenFileDescriptors(),
            process.Threads.Count,
            process.TotalProcessorTime.TotalSeconds,
            DateTimeOffset.UtcNow);
    }

    /// <summary>Open descriptors (sockets included) on Linux, where the per-process limit is what caps connections.</summary>
    private static int? CountOpenFileDescriptors()
    {
        const string fds = "/proc/self/fd";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(fds))
            return null;
        try
        {
            return Directory.EnumerateFileSystemEntries(fds).Count();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
