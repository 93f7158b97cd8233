using System.Diagnostics;

namespace Craftsman.Crash.Tests.Support;

/// <summary>The run's story (seed, kill moments, counts, timings), to the test output and kept for the failure message.</summary>
public sealed class CrashReport(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _lines = [];

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Line(string text)
    {
        var line = $"[{_clock.Elapsed.TotalSeconds,6:F1}s] {text}";
        lock (_lines)
            _lines.Add(line);
        output.WriteLine(line);
    }

    public override string ToString()
    {
        lock (_lines)
            return string.Join('\n', _lines);
    }
}
