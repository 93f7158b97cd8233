using Craftsman.Hosting.Health;
using Craftsman.Silo.Health;
using Craftsman.Hosting.Settings;
using Craftsman.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Craftsman.Silo.Extensions;

/// <summary>A stand-alone silo process: the silo, its telemetry, and a small HTTP server for operators.</summary>
public static class SiloWebExtensions
{
    public static WebApplicationBuilder AddCraftsmanSiloHost(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.AddCraftsmanSilo();
        builder.AddCraftsmanTelemetry("craftsman-silo");
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var silo = CraftsmanSettings.Read<CraftsmanSiloOptions>(builder.Configuration, CraftsmanSiloOptions.Section);
            builder.WebHost.UseUrls($"http://localhost:{silo.HttpPort}");
        }
        return builder;
    }

    public static WebApplication MapCraftsmanSiloEndpoints(this WebApplication app)
    {
        app.MapCraftsmanTelemetry();
        app.MapCraftsmanHealth();
        return app;
    }
}
