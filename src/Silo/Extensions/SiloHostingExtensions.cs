using Craftsman.Grains;
using Craftsman.Silo.Seeding;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Craftsman.Silo.Extensions;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Hosts a Craftsman silo in this process: localhost clustering and the embedded SQLite store,
    /// with the sample edition loaded on first start.
    /// </summary>
    public static IHostApplicationBuilder AddCraftsmanSilo(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CraftsmanSiloOptions.Section).Get<CraftsmanSiloOptions>() ?? new();
        builder.Services.AddOptions<CraftsmanSiloOptions>().BindConfiguration(CraftsmanSiloOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
            silo.AddCraftsmanGrainServices(options.DatabasePath);
            if (options.SeedSampleEdition)
                silo.AddStartupTask<SampleEditionSeeder>();
        });
        return builder;
    }

    /// <summary>What every Craftsman silo needs, in production and in the test cluster alike.</summary>
    public static ISiloBuilder AddCraftsmanGrainServices(this ISiloBuilder silo, string databasePath)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.AddSqliteGrainStorage(StorageNames.Craftsman, o => o.DatabasePath = databasePath);
        return silo;
    }
}
