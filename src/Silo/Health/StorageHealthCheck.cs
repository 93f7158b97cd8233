using Craftsman.Grains;
using Craftsman.Silo.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Craftsman.Silo.Health;

/// <summary>
/// Ready only while the grain storage takes writes: each probe writes this silo's row of the
/// "health_probe" state through the very storage the grains use (for SQLite, its single writer and
/// group commit; in cluster mode, the PostgreSQL guard), and must see it durable within the probe
/// timeout. A locked, full or unreachable store makes the silo not ready.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services, ILocalSiloDetails silo, IOptions<CraftsmanSiloOptions> options, TimeProvider clock) : IHealthCheck
{
    public const string StateName = "health_probe";

    // One probe at a time: two would race on the row's ETag and one would fail for nothing.
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.HealthProbeTimeout;
        try
        {
            await Probe().WaitAsync(timeout, cancellationToken);
            return HealthCheckResult.Healthy("the store took a write");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the store did not confirm a write within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the store refused a write: {e.Message}");
        }
    }

    private async Task Probe()
    {
        await _one.WaitAsync();
        try
        {
            var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Craftsman);
            var grain = GrainId.Create("health-probe", silo.Name);
            // Read first: an earlier probe that timed out may have committed since, moving the ETag.
            var state = new GrainState<HealthProbe>();
            await storage.ReadStateAsync(StateName, grain, state);
            state.State = new HealthProbe(clock.GetUtcNow(), silo.Name);
            await storage.WriteStateAsync(StateName, grain, state);
        }
        finally
        {
            _one.Release();
        }
    }
}
