using Craftsman.Silo.Extensions;

namespace Craftsman.Gateway.Cluster;

/// <summary>The "Craftsman" section's settings that choose and reach the cluster.</summary>
public sealed class GatewayClusterOptions
{
    public const string Section = "Craftsman";

    public CraftsmanMode Mode { get; set; } = CraftsmanMode.Embedded;

    /// <summary>In cluster mode, how the gateway finds silos: "AdoNet" (PostgreSQL membership) or "Localhost".</summary>
    public string Clustering { get; set; } = "AdoNet";

    /// <summary>For localhost clustering: the silos' gateway ports.</summary>
    public int[] GatewayPorts { get; set; } = [30000];

    /// <summary>Longest wait for one grain call before the caller gets a retryable error.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between two attempts to connect to the cluster.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);
}
