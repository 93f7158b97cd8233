using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Craftsman.Hosting.Health;

/// <summary>The health endpoints as JSON: the overall status and what each check said, for people and load balancers.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
