using Craftsman.Failover.Api;
using Craftsman.Failover.Setup;

namespace Craftsman.Failover.Marking;

/// <summary>The judges of one drill, marking together until told to stop, then resending what is still unacknowledged.</summary>
public sealed class JudgeCrew(GatewayApi api, IReadOnlyList<JudgeSeat> seats, FailoverOptions options, string drill) : IAsyncDisposable
{
    private readonly List<IMarkChannel> _channels = [];
    private readonly List<Task> _running = [];
    private DrillControl? _control;
    private bool _stopped;

    public MarkBook Book { get; } = new();

    public Timeline Timeline { get; } = new();

    public IReadOnlyList<JudgeSeat> Seats => seats;

    public void Start(CancellationToken abort)
    {
        _control = new DrillControl(abort);
        for (var i = 0; i < seats.Count; i++)
        {
            var seat = seats[i];
            IMarkChannel channel = seat.Transport == Transport.Rest
                ? new RestMarkChannel(api, seat, options.CallTimeout)
                : new HubMarkChannel(api, seat, options.CallTimeout);
            _channels.Add(channel);
            var runner = new JudgeRunner(seat, i, channel, Book, Timeline, options.Rate, $"fo-{options.RunTag}-{drill}");
            _running.Add(Task.Run(() => runner.RunAsync(_control)));
        }
        Log.Info($"{drill}: {seats.Count} judges marking ({seats.Count(s => s.Transport == Transport.Rest)} REST, {seats.Count(s => s.Transport == Transport.Hub)} hub) at {options.Rate:0.##}/s each");
    }

    /// <summary>No new marks; unacknowledged ones are resent for at most the settle time.</summary>
    public async Task StopAsync()
    {
        if (_control is null || _stopped)
            return;
        _stopped = true;
        _control.Stop(options.Settle);
        var pending = Book.All.Count(m => !m.Acknowledged && m.Rejection is null);
        Log.Info($"{drill}: marking stopped; {pending} marks still being resent (at most {options.Settle.TotalSeconds:F0}s)");
        await Task.WhenAll(_running);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var channel in _channels)
            await channel.DisposeAsync();
        _control?.Dispose();
    }
}
