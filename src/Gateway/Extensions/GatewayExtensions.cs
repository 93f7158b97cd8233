using System.Text.Json.Serialization;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Benchmark;
using Craftsman.Gateway.Cluster;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Live;
using Craftsman.Silo.Health;
using Craftsman.Silo.Settings;
using Craftsman.Silo.Telemetry;

namespace Craftsman.Gateway.Extensions;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddCraftsmanGateway(this WebApplicationBuilder builder)
    {
        var enums = new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(enums));
        builder.Services.AddSingleton<ClusterHubFilter>();
        builder.Services.AddSignalR(o => o.AddFilter<ClusterHubFilter>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums));
        builder.Services.AddCraftsmanAuth();
        builder.AddCraftsmanTelemetry("craftsman-gateway");
        builder.Services.AddCraftsmanSettings<LiveOptions>(LiveOptions.Section);
        var benchmark = builder.ReadCraftsmanSettings<BenchmarkOptions>(BenchmarkOptions.Section);
        builder.Services.AddSingleton(benchmark);
        builder.Services.AddSingleton<ContestFeed>();
        builder.Services.AddSingleton<MarkBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContestFeed>());
        return builder;
    }

    public static WebApplication MapCraftsmanEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The pages (wwwroot: /judge/, /board/, /arena/, /console/) and their npm libraries (wwwroot/lib).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapCraftsmanTelemetry();
        app.MapCraftsmanHealth();
        var api = app.MapGroup("").AddEndpointFilter<ClusterEndpointFilter>();
        api.MapAuthEndpoints();
        api.MapEditionEndpoints();
        api.MapContestEndpoints();
        api.MapAccessCodeEndpoints();
        api.MapDocumentEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapBackupEndpoints();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapHub<JudgingHub>("/hubs/judging");
        if (app.Services.GetRequiredService<BenchmarkOptions>().Enabled)
            app.MapBenchmarkEndpoints();
        return app;
    }
}
