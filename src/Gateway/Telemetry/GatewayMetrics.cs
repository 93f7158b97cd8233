using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Craftsman.Hosting.Telemetry;

namespace Craftsman.Gateway.Telemetry;

/// <summary>The gateway's instruments in the "Craftsman" meter (names as they appear at /metrics: dots become underscores).</summary>
public static class GatewayMetrics
{
    public static readonly Counter<long> MarksAcknowledged = CraftsmanTelemetry.Meter.CreateCounter<long>(
        "craftsman.marks.acknowledged", "{mark}", "Marks stored durably and acknowledged to the judge.");

    public static readonly Counter<long> MarksRefused = CraftsmanTelemetry.Meter.CreateCounter<long>(
        "craftsman.marks.refused", "{mark}", "Marks refused, by refusal code (ClusterUnavailable when the cluster did not answer).");

    /// <summary>From the mark reaching this gateway to its outcome (acknowledged or refused).</summary>
    public static readonly Histogram<double> AckDuration = CraftsmanTelemetry.Meter.CreateHistogram<double>(
        "craftsman.mark.ack.duration", "s", "How long a judge waits for a mark's outcome.");

    /// <summary>From a contest's change reaching this gateway to its pushes waiting in every local connection's mailbox.</summary>
    public static readonly Histogram<double> PushLag = CraftsmanTelemetry.Meter.CreateHistogram<double>(
        "craftsman.push.lag", "s", "How long a board update waits in this gateway before it is sent, per occupation.");

    private static readonly ConcurrentDictionary<string, long> Open = new();

    // A gauge of counts kept here rather than an up-down counter: a meter listener that starts late
    // (a new exporter, a restarted collector) would otherwise see disconnects of connections it never
    // saw open, and report a negative number.
    private static readonly ObservableGauge<long> Connections = CraftsmanTelemetry.Meter.CreateObservableGauge(
        "craftsman.hub.connections",
        () => Open.Select(h => new Measurement<long>(h.Value, new KeyValuePair<string, object?>("hub", h.Key))),
        "{connection}", "Live SignalR connections, per hub.");

    public static void Connected(string hub) => Open.AddOrUpdate(hub, 1, (_, n) => n + 1);

    public static void Disconnected(string hub) => Open.AddOrUpdate(hub, 0, (_, n) => n - 1);
}
