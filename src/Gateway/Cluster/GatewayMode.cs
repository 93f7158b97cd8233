namespace Craftsman.Gateway.Cluster;

public enum GatewayMode
{
    /// <summary>One process: the gateway co-hosts a silo on the embedded SQLite store.</summary>
    Embedded,

    /// <summary>The gateway joins a separate cluster of silos as an Orleans client.</summary>
    Cluster,
}
