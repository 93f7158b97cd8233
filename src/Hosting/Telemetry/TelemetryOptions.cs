namespace Craftsman.Hosting.Telemetry;

/// <summary>The "Craftsman:Telemetry" section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Craftsman:Telemetry";

    /// <summary>
    /// A collector to send traces, metrics and logs to over OTLP. The standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works as well; with neither, nothing is sent anywhere.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>
    /// Record traces. Unset: only when an OTLP endpoint is configured, since a span nobody collects
    /// costs a mark's path CPU for nothing (every grain call, hub call and storage write is one).
    /// </summary>
    public bool? Tracing { get; set; }

    /// <summary>Serve the metrics in Prometheus' text format at <c>/metrics</c>, for an office without a collector.</summary>
    public bool Prometheus { get; set; } = true;
}
