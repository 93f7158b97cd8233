namespace Craftsman.Failover;

/// <summary>
/// Progress for the person watching, on stderr; the report goes to stdout and its file. Each line
/// carries the run clock and UTC wall-clock time, as the cluster's logs do (start.sh), so a drill's
/// moments can be found in them.
/// </summary>
public static class Log
{
    private static readonly Lock Gate = new();

    public static void Info(string text)
    {
        lock (Gate)
            Console.Error.WriteLine($"[{RunClock.Now.TotalSeconds,7:F1}s {DateTime.UtcNow:HH:mm:ss.fff}Z] {text}");
    }
}
