using Craftsman.Hosting.Modes;

namespace Craftsman.Gateway.Cluster;

public static class AdoNetClusterDiscovery
{
    /// <summary>Lets a client (a gateway not hosting a silo) find the cluster's gateways in PostgreSQL.</summary>
    public static IClientBuilder UseCraftsmanAdoNetClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        return client.UseAdoNetClustering(o =>
        {
            o.Invariant = CraftsmanConnectionStrings.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
    }
}
