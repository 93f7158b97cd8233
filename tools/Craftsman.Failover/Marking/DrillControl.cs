namespace Craftsman.Failover.Marking;

/// <summary>Tells the judges of a drill when to stop entering new marks and how long they may keep resending.</summary>
public sealed class DrillControl(CancellationToken abort) : IDisposable
{
    private readonly CancellationTokenSource _stopNew = CancellationTokenSource.CreateLinkedTokenSource(abort);
    private long _giveUpTicks = TimeSpan.MaxValue.Ticks;

    /// <summary>Fires when no new mark may be entered.</summary>
    public CancellationToken StopNew => _stopNew.Token;

    /// <summary>Fires when the whole run is over its time limit.</summary>
    public CancellationToken Abort { get; } = abort;

    /// <summary>After this, an unacknowledged mark is given up as unresolved.</summary>
    public TimeSpan GiveUpAt => TimeSpan.FromTicks(Interlocked.Read(ref _giveUpTicks));

    public void Stop(TimeSpan settle)
    {
        Interlocked.Exchange(ref _giveUpTicks, (RunClock.Now + settle).Ticks);
        _stopNew.Cancel();
    }

    public void Dispose() => _stopNew.Dispose();
}
