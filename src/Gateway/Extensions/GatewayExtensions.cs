using System.Text.Json.Serialization;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Benchmark;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Live;
using Craftsman.Gateway.Venue;

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
        builder.Services.AddSingleton<ConnectionRegistry>();
        // The live and judging hubs' connections are tracked: each gets its own mailbox, and revocation closes them.
        builder.Services.AddSingleton<HubLifetimeManager<LiveHub>, TrackedHubLifetimeManager<LiveHub>>();
        builder.Services.AddSingleton<HubLifetimeManager<JudgingHub>, TrackedHubLifetimeManager<JudgingHub>>();
        builder.Services.AddSignalR(o =>
            {
                o.AddFilter<SessionHubFilter>();
                o.AddFilter<ClusterHubFilter>();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums));
        builder.Services.AddCraftsmanAuth();
        builder.Services.AddCraftsmanVenue();
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
        app.UseCraftsmanForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The pages (wwwroot: /judge/, /board/, /arena/, /console/) and their npm libraries (wwwroot/lib).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseSessionRefusal();
        app.UseLiveConnectionLimit();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        var api = app.MapGroup("").AddEndpointFilter<ClusterEndpointFilter>();
        api.MapAuthEndpoints();
        api.MapEditionListEndpoints();
        api.MapEditionEndpoints();
        api.MapVenueEndpoints();
        api.MapContestEndpoints();
        api.MapAccessCodeEndpoints();
        api.MapDocumentEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapOpenCallEndpoints();
        api.MapScheduleEndpoints();
        api.MapScreenEndpoints();
        api.MapStageEndpoints().MapEditionResultsEndpoints();
        // SignalR closes a connection whose single send has not completed within this time: the same limit as the mailbox's.
        var stalled = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value.StalledPushLimit;
        app.MapHub<LiveHub>("/hubs/live", o => o.TransportSendTimeout = stalled);
        app.MapHub<JudgingHub>("/hubs/judging", o => o.TransportSendTimeout = stalled);
        if (app.Configuration.GetValue<bool>($"{BenchmarkOptions.Section}:Enabled"))
            app.MapBenchmarkEndpoints();
        return app;
    }
}
