using Craftsman.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Craftsman.Silo.Extensions;

public static class SqliteGrainStorageExtensions
{
    /// <summary>
    /// Adds a grain storage provider named <paramref name="name"/> that keeps grain state in one
    /// SQLite file (see <see cref="SqliteGrainStorage"/>), traced and measured by <see cref="InstrumentedGrainStorage"/>.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder,
        string name,
        Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.AddOptions<SqliteGrainStorageOptions>(name)
            .Configure(configure)
            // Not DefaultStorageProviderSerializerOptionsConfigurator: its fallback is the silo's JSON
            // serializer, while our state records carry [Id]s for Orleans' version-tolerant binary format.
            .PostConfigure<IServiceProvider>((options, services) =>
                options.GrainStorageSerializer ??=
                    services.GetKeyedService<IGrainStorageSerializer>(name)
                    ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()))
            .Validate(options => !string.IsNullOrWhiteSpace(options.DatabasePath), $"Grain storage '{name}' needs a DatabasePath.");
        builder.Services.ConfigureNamedOptionForLogging<SqliteGrainStorageOptions>(name);

        // Registers a keyed IGrainStorage and, because the type is a lifecycle participant, joins the silo lifecycle.
        builder.Services.AddGrainStorage(name, Create);
        return builder;
    }

    private static InstrumentedGrainStorage Create(IServiceProvider services, string name) =>
        new(ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
            services,
            name,
            services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name)));
}
