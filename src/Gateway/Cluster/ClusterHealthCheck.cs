using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Craftsman.Gateway.Cluster;

/// <summary>Readiness of a gateway: healthy only while it can reach the grains.</summary>
public sealed class ClusterHealthCheck(ClusterAccess access) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(access.IsAvailable
            ? HealthCheckResult.Healthy(access.Status)
            : HealthCheckResult.Unhealthy(access.Status));
}
