using Craftsman.Hosting.Modes;
using Craftsman.Grains;
using Craftsman.Grains.Storage;
using Craftsman.Silo.Backups;
using Craftsman.Silo.Health;
using Craftsman.Silo.Seeding;
using Craftsman.Hosting.Settings;
using Craftsman.Silo.Storage;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Microsoft.Extensions.Options;

namespace Craftsman.Silo.Extensions;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Hosts a Craftsman silo in this process. Embedded: localhost clustering and the SQLite store.
    /// Cluster: membership, state and reminders in PostgreSQL. Either way the sample edition is
    /// loaded on first start unless turned off.
    /// </summary>
    public static IHostApplicationBuilder AddCraftsmanSilo(this IHostApplicationBuilder builder)
    {
        var craftsman = CraftsmanOptions.Read(builder);
        var options = builder.ReadCraftsmanSettings<CraftsmanSiloOptions>(CraftsmanSiloOptions.Section);
        builder.Services.AddCraftsmanSettings<ResilientGrainStorageOptions>(ResilientGrainStorageOptions.Section);
        builder.Services.AddCompetitionClock();
        builder.Services.AddCraftsmanSiloHealth();
        var connectionString = craftsman.Mode == CraftsmanMode.Cluster ? CraftsmanConnectionStrings.Require(builder.Configuration) : null;
        // PostgreSQL is backed up with its own tools (deploy/README.md); the embedded file by us.
        if (connectionString is null)
            builder.Services.AddCraftsmanBackups();
        builder.UseOrleans(silo =>
        {
            // Grain calls carry the caller's trace, so a mark's trace runs from the hub to storage.
            silo.AddActivityPropagation();
            if (connectionString is null)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort,
                    serviceId: craftsman.ServiceId, clusterId: craftsman.ClusterId);
                silo.AddCraftsmanGrainServices(options.DatabasePath);
            }
            else
            {
                silo.Configure<ClusterOptions>(craftsman.ConfigureIdentity);
                silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
                silo.Services.AddCompetitionClock();
                silo.AddCraftsmanAdoNetCluster(connectionString);
                if (options.KubernetesHosting)
                    silo.UseKubernetesHosting();
            }
            if (options.SeedSampleEdition)
                silo.AddStartupTask<SampleEditionSeeder>();
        });
        return builder;
    }

    /// <summary>What every Craftsman silo needs, in production and in the test cluster alike.</summary>
    public static ISiloBuilder AddCraftsmanGrainServices(this ISiloBuilder silo, string databasePath)
    {
        silo.Services.AddCompetitionClock();
        silo.AddSqliteGrainStorage(StorageNames.Craftsman, o => o.DatabasePath = databasePath);
        silo.Services.AddSingleton<ILedgerStore>(services => new ResilientLedgerStore(
            new SqliteLedgerStore(databasePath, services.GetRequiredService<ILogger<SqliteLedgerStore>>()),
            services.GetService<IOptions<ResilientGrainStorageOptions>>()?.Value ?? new ResilientGrainStorageOptions(),
            services.GetRequiredService<ILogger<ResilientLedgerStore>>()));
        return silo;
    }
}
