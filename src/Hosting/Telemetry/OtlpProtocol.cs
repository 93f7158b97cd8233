namespace Craftsman.Hosting.Telemetry;

/// <summary>How spans, metrics and logs travel to an OpenTelemetry collector.</summary>
public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
