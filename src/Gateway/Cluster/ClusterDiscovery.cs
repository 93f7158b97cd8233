namespace Craftsman.Gateway.Cluster;

/// <summary>How a gateway in cluster mode finds the silos ("Craftsman:Clustering").</summary>
public enum ClusterDiscovery
{
    /// <summary>The membership table in PostgreSQL, which the silos keep.</summary>
    AdoNet,

    /// <summary>Fixed gateway ports on loopback ("Craftsman:GatewayPorts"), for tests.</summary>
    Localhost,
}
