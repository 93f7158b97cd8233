using Craftsman.Hosting.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Craftsman.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for silos and gateways, registered once (eShop's ServiceDefaults): traces from
/// ASP.NET Core and SignalR through Orleans' grain calls to storage, metrics from Orleans, ASP.NET
/// Core, SignalR, Polly, the runtime and our own meter, and logs that carry the trace id.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddCraftsmanTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var options = builder.ReadCraftsmanSettings<TelemetryOptions>(TelemetryOptions.Section);
        // Every log written inside a request, a hub call or a grain call names its trace and span.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // The console shows them as a scope; a deployment that configures the console itself decides.
        if (builder.Configuration["Logging:Console:FormatterOptions:IncludeScopes"] is null)
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var exporting = options.OtlpEndpoint is not null || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(CraftsmanTelemetry.Name, CraftsmanTelemetry.OrleansMeter, "Polly",
                        "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR");
                if (options.Prometheus)
                    metrics.AddPrometheusExporter(p => p.ScrapeResponseCacheDurationMilliseconds = 0);
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperations(context.Request.Path))
                    .AddSource(CraftsmanTelemetry.Name, "Microsoft.AspNetCore.SignalR.Server")
                    .AddSource(CraftsmanTelemetry.OrleansSources);
                if (!(options.Tracing ?? exporting))
                    tracing.SetSampler(new AlwaysOffSampler());
            });

        if (options.OtlpEndpoint is { } endpoint)
            telemetry.UseOtlpExporter(options.OtlpProtocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, endpoint);
        else if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>Maps <c>/metrics</c> (Prometheus text format) when it is switched on.</summary>
    public static WebApplication MapCraftsmanTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Prometheus)
            app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    // Scrapes and probes every few seconds would bury the traces of what people do.
    private static bool IsOperations(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
