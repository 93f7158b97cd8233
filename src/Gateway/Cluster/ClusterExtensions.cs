#if CRAFTSMAN_EMBEDDED
using Craftsman.Gateway.Embedded;
#endif
using Craftsman.Hosting.Health;
using Craftsman.Hosting.Modes;
using Craftsman.Hosting.Settings;
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
#if CRAFTSMAN_EMBEDDED
            builder.AddCoHostedSilo();
#else
            throw new InvalidOperationException(
                "Craftsman:Mode = Embedded: this gateway was built for a cluster (-p:CraftsmanEmbedded=false) and hosts no silo. " +
                "Set Craftsman:Mode to Cluster (environment: Craftsman__Mode=Cluster), or run the embedded build.");
#endif
        }
        else
        {
            builder.Services.AddHostedService<ClusterClientService>();
        }
        return builder;
    }
}
