using System.Diagnostics.Metrics;
using Craftsman.Silo.Telemetry;

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

    /// <summary>From a contest's change reaching this gateway to its boards having left for every local connection.</summary>
    public static readonly Histogram<double> PushLag = CraftsmanTelemetry.Meter.CreateHistogram<double>(
        "craftsman.push.lag", "s", "How long a board update waits in this gateway before it is sent, per occupation.");

    public static readonly UpDownCounter<long> Connections = CraftsmanTelemetry.Meter.CreateUpDownCounter<long>(
        "craftsman.hub.connections", "{connection}", "Live SignalR connections, per hub.");
}
