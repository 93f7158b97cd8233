using Craftsman.Silo.Extensions;
using Craftsman.Silo.Health;
using Craftsman.Silo.Settings;
using Polly;

namespace Craftsman.Gateway.Cluster;

public static class ClusterExtensions
{
    /// <summary>Embedded: co-host a silo. Cluster: join the silos as a client that keeps reconnecting.</summary>
    public static WebApplicationBuilder AddCraftsmanCluster(this WebApplicationBuilder builder)
    {
        var craftsman = CraftsmanOptions.Read(builder);
        // The root's keys are checked once, by CraftsmanOptions.
        builder.Services.AddCraftsmanSettings<GatewayClusterOptions>(GatewayClusterOptions.Section, knownKeys: []);
        builder.Services.AddResiliencePipeline(ClusterAccess.PipelineName, (pipeline, context) =>
            ClusterAccess.Configure(pipeline, context.GetOptions<GatewayClusterOptions>().CallTimeout));
        builder.Services.AddSingleton<ClusterAccess>();
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthExtensions.Ready]);
        if (craftsman.Mode == CraftsmanMode.Embedded)
        {
            builder.AddCraftsmanSilo();
            builder.Services.AddHostedService<CoHostedSiloConnection>();
        }
        else
        {
            builder.Services.AddHostedService<ClusterClientService>();
        }
        return builder;
    }

    /// <summary>Embedded mode: the grains are in this process, available once the silo has started.</summary>
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
