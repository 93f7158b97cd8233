using System.Diagnostics.Metrics;

namespace Craftsman.Gateway.Benchmark;

/// <summary>
/// Counts open connections for <c>/bench/process</c> without a middleware or hub filter in the path
/// of every message. Connections across all hubs come from ASP.NET Core's own up-down counters,
/// observed in-process with a <see cref="MeterListener"/>: <c>signalr.server.active_connections</c>
/// (meter <c>Microsoft.AspNetCore.Http.Connections</c>, every hub and transport) and
/// <c>kestrel.active_connections</c> (TCP connections, including those not yet or no longer
/// SignalR). Those counters report +1/−1 only while someone listens, so the counts start when
/// <see cref="StartListening"/> is called, at start-up before the first request. The bare hub keeps
/// its own count as a cross-check. One instance per process: the counters it listens to are too.
/// </summary>
public sealed class ConnectionCounter : IDisposable
{
    private const string ConnectionsMeter = "Microsoft.AspNetCore.Http.Connections";
    private const string SignalRActive = "signalr.server.active_connections";
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";
    private const string KestrelActive = "kestrel.active_connections";

    private readonly Lock _gate = new();
    private MeterListener? _listener;
    private long _bareHub;
    private long _signalR;
    private long _kestrel;

    public static ConnectionCounter Shared { get; } = new();

    public long BareHub => Interlocked.Read(ref _bareHub);

    /// <summary>Open SignalR connections across all hubs; null until listening.</summary>
    public long? SignalR => _listener is null ? null : Interlocked.Read(ref _signalR);

    /// <summary>Open Kestrel (TCP) connections; null until listening.</summary>
    public long? Kestrel => _listener is null ? null : Interlocked.Read(ref _kestrel);

    public void BareHubConnected() => Interlocked.Increment(ref _bareHub);

    public void BareHubDisconnected() => Interlocked.Decrement(ref _bareHub);

    public void StartListening()
    {
        lock (_gate)
        {
            if (_listener is not null)
                return;
            var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if ((instrument.Meter.Name, instrument.Name) is (ConnectionsMeter, SignalRActive) or (KestrelMeter, KestrelActive))
                        l.EnableMeasurementEvents(instrument);
                },
            };
            listener.SetMeasurementEventCallback<long>((instrument, delta, _, _) => Add(instrument, delta));
            listener.SetMeasurementEventCallback<int>((instrument, delta, _, _) => Add(instrument, delta));
            listener.Start();
            _listener = listener;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
        }
    }

    private void Add(Instrument instrument, long delta)
    {
        if (instrument.Name == SignalRActive)
            Interlocked.Add(ref _signalR, delta);
        else
            Interlocked.Add(ref _kestrel, delta);
    }
}
