using Craftsman.Grains;
using System.Reflection;
using Craftsman.Hosting.Modes;
using Craftsman.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Craftsman.Cluster.Tests.Support;

/// <summary>Names one cluster in the shared database; state is keyed by ServiceId, membership by ClusterId.</summary>
public sealed record ClusterIdentity(string ClusterId, string ServiceId)
{
    public static ClusterIdentity New()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new ClusterIdentity($"cluster-{id}", $"service-{id}");
    }
}

/// <summary>
/// In-process silos and client wired exactly as cluster mode is: membership, grain state and
/// reminders in PostgreSQL through <see cref="ClusterSiloExtensions"/>.
/// </summary>
public static class AdoNetTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string connectionString, ClusterIdentity identity, short silos = 1)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ClusterId = identity.ClusterId;
        builder.Options.ServiceId = identity.ServiceId;
        UseClusterMembershipFromConfiguration(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCraftsmanAdoNetCluster(connectionString);
            silo.Services.AddCompetitionClock();
            // Detect a dead silo in a few seconds rather than the production defaults' minute, and
            // heartbeat into the table often enough that the tests exercise it.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                o.ExtendProbeTimeoutDuringDegradation = false;
            });
            silo.Configure<SiloMessagingOptions>(o =>
            {
                o.ResponseTimeout = TimeSpan.FromSeconds(10);
                o.SystemResponseTimeout = TimeSpan.FromSeconds(10);
            });
        });
        builder.ConfigureClient(client =>
        {
            // As a cluster gateway finds the silos (the gateway's AdoNetClusterDiscovery).
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = CraftsmanConnectionStrings.AdoNetInvariant;
                o.ConnectionString = connectionString;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1));
        });

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    // Left on, the test cluster registers its in-memory membership table, gateway list and grain
    // directory after our configuration, so the ADO.NET clustering would be configured but unused.
    // Orleans 10.4.2 keeps the switch internal.
    private static void UseClusterMembershipFromConfiguration(InProcessTestClusterOptions options)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty(
                "UseTestClusterMembership", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException(
                "InProcessTestClusterOptions.UseTestClusterMembership is gone; find the new way to turn off the test cluster's in-memory membership.");
        property.SetValue(options, false);
    }

    public static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    /// <summary>The membership rows of a cluster as the ADO.NET provider wrote them: (silo name, status).</summary>
    public static Task<List<(string Silo, int Status)>> MembersAsync(this PostgresServer server, string clusterId) =>
        server.QueryAsync(
            "SELECT silo_name, status FROM orleans_membership WHERE deployment_id = @id ORDER BY start_time",
            r => (r.GetString(0), r.GetInt32(1)),
            parameters: ("id", clusterId));
}
