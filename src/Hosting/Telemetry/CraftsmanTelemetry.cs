using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Craftsman.Hosting.Telemetry;

/// <summary>
/// Our own trace source and meter, both named "Craftsman". Static, like the runtime's own: the
/// storage's writer and the gateway's hubs record into them without being handed anything, and the
/// OpenTelemetry registration (<see cref="TelemetryExtensions"/>) listens by name.
/// </summary>
public static class CraftsmanTelemetry
{
    public const string Name = "Craftsman";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>The runtime's trace sources and meters we export beside our own.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public const string OrleansMeter = "Microsoft.Orleans";
}
