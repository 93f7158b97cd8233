using Craftsman.Grains;
using Craftsman.Hosting.Modes;
using Craftsman.Grains.Storage;
using Craftsman.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Craftsman.Silo.Extensions;

/// <summary>
/// Cluster mode: membership, grain state and reminders in PostgreSQL through Orleans' ADO.NET
/// providers. The database needs the tables, functions and query texts of deploy/sql/postgresql
/// (apply them with deploy/sql/apply.sh); the connection string is an Npgsql one, for example
/// "Host=db;Port=5432;Username=craftsman;Password=...;Database=craftsman".
/// </summary>
public static class ClusterSiloExtensions
{
    /// <summary>The ADO.NET provider's own name; grains reach it only through the Polly guard named "craftsman".</summary>
    public const string DatabaseStorage = "craftsman-database";

    /// <summary>
    /// Joins the silo to the cluster recorded in PostgreSQL and keeps the "craftsman" grain storage
    /// and the reminders there. ClusterId and ServiceId come from the host's <see cref="ClusterOptions"/>.
    /// </summary>
    public static ISiloBuilder AddCraftsmanAdoNetCluster(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = CraftsmanConnectionStrings.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(DatabaseStorage, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = CraftsmanConnectionStrings.AdoNetInvariant;
            o.ConnectionString = connectionString;
            // Orleans' binary format rather than the provider's JSON default: our state records are
            // [GenerateSerializer] types with [Id]s, and round-trip exactly (and version-tolerantly) in it.
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        silo.Services.AddOptions<ResilientGrainStorageOptions>();
        silo.Services.AddGrainStorage(StorageNames.Craftsman, (services, _) =>
            new ResilientGrainStorage(new InstrumentedGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(DatabaseStorage)),
                services.GetRequiredService<IOptions<ResilientGrainStorageOptions>>().Value,
                services.GetRequiredService<ILogger<ResilientGrainStorage>>()));
        silo.Services.AddSingleton<ILedgerStore>(services => new ResilientLedgerStore(
            new PostgresLedgerStore(connectionString, services.GetRequiredService<ILogger<PostgresLedgerStore>>()),
            services.GetRequiredService<IOptions<ResilientGrainStorageOptions>>().Value,
            services.GetRequiredService<ILogger<ResilientLedgerStore>>()));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = CraftsmanConnectionStrings.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }
}
