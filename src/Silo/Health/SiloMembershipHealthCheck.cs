using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Craftsman.Silo.Health;

/// <summary>Ready only while this silo is an active member of its cluster (joined, not shutting down or declared dead).</summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.Name} is active in cluster {silo.ClusterId}")
            : HealthCheckResult.Unhealthy($"silo {silo.Name} is {status} in cluster {silo.ClusterId}"));
    }
}
