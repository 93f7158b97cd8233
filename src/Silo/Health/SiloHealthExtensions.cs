using Craftsman.Hosting.Health;

namespace Craftsman.Silo.Health;

/// <summary>A silo is ready when its storage takes a write and it is an active member of the cluster.</summary>
public static class SiloHealthExtensions
{
    public static IServiceCollection AddCraftsmanSiloHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthExtensions.Ready])
            .AddCheck<SiloMembershipHealthCheck>("silo", tags: [HealthExtensions.Ready]);
        return services;
    }
}
