using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Craftsman.Hosting.Health;

/// <summary>
/// /health/live (the process answers: restart it if not), /health/ready (it can do its work: send
/// it traffic only if so) and /health (every check, as before), on silos and gateways alike.
/// </summary>
public static class HealthExtensions
{
    /// <summary>Checks carrying this tag decide readiness.</summary>
    public const string Ready = "ready";

    public static IEndpointRouteBuilder MapCraftsmanHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
