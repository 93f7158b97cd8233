using Craftsman.Gateway.Backups;
using Craftsman.Gateway.Cluster;
using Craftsman.Silo.Backups;
using Craftsman.Silo.Extensions;

namespace Craftsman.Gateway.Embedded;

/// <summary>
/// Embedded mode: the silo runs in the gateway's process (one process, the SQLite store, zero
/// set-up). Compiled only into the embedded build (the default); a gateway built for a cluster
/// (-p:CraftsmanEmbedded=false) has neither this nor the silo it would need.
/// </summary>
public static class CoHostedSilo
{
    public static WebApplicationBuilder AddCoHostedSilo(this WebApplicationBuilder builder)
    {
        builder.AddCraftsmanSilo();
        builder.Services.AddHostedService<CoHostedSiloConnection>();
        builder.Services.AddSingleton<IOnlineBackup>(services => new CoHostedStoreBackup(services.GetRequiredService<StoreBackup>()));
        return builder;
    }

    /// <summary>The grains are in this process, available once the silo has started.</summary>
    private sealed class CoHostedSiloConnection(ClusterAccess access, IGrainFactory grains) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            access.Connected(grains, "embedded silo running");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            access.Disconnected("embedded silo stopping");
            return Task.CompletedTask;
        }
    }
}
