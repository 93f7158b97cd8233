using System.Text.Json.Serialization;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Benchmark;
using Craftsman.Gateway.Cluster;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Live;

namespace Craftsman.Gateway.Extensions;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddCraftsmanGateway(this WebApplicationBuilder builder)
    {
        var enums = new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Every refusal carries a machine-readable code, also those the framework writes itself
        // (a body that is not JSON, an unknown route): pages translate by code, never by text.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("code", Problems.CodeForStatus(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode)));
        builder.Services.AddOpenApi();
        // A body that cannot be read is the caller's fault (400 with a code), in every environment,
        // not an exception that the handler would answer with a 500.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(enums));
        builder.Services.AddSingleton<ClusterHubFilter>();
        builder.Services.AddSignalR(o => o.AddFilter<ClusterHubFilter>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums));
        builder.Services.AddCraftsmanAuth();
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section);
        builder.Services.AddSingleton<ContestFeed>();
        builder.Services.AddSingleton<MarkBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContestFeed>());
        builder.Services.AddSingleton<ScreenFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScreenFeed>());
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
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        var api = app.MapGroup("").AddEndpointFilter<ClusterEndpointFilter>();
        api.MapAuthEndpoints();
        api.MapEditionEndpoints();
        api.MapContestEndpoints();
        api.MapAccessCodeEndpoints();
        api.MapDocumentEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapOpenCallEndpoints();
        api.MapScheduleEndpoints();
        api.MapScreenEndpoints();
        app.MapHub<LiveHub>("/hubs/live");
        app.MapHub<JudgingHub>("/hubs/judging");
        if (app.Configuration.GetValue<bool>($"{BenchmarkOptions.Section}:Enabled"))
            app.MapBenchmarkEndpoints();
        return app;
    }
}
