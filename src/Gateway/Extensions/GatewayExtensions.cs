using System.Threading.RateLimiting;
using Craftsman.Gateway.Api;
using Craftsman.Gateway.Auth;
using Craftsman.Gateway.Backups;
using Craftsman.Gateway.Benchmark;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Craftsman.Gateway.Input;
using Craftsman.Gateway.Refusals;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Craftsman.Gateway.Judging;
using Craftsman.Gateway.Live;
using Craftsman.Gateway.Venue;
using Craftsman.Hosting.Health;
using Craftsman.Hosting.Settings;
using Craftsman.Hosting.Telemetry;

namespace Craftsman.Gateway.Extensions;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddCraftsmanGateway(this WebApplicationBuilder builder)
    {
        var limits = builder.ReadCraftsmanSettings<RequestLimitOptions>(RequestLimitOptions.Section);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            Refusal.Complete(c.ProblemDetails, c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode));
        builder.Services.AddExceptionHandler<RefusalExceptionHandler>();
        // Binding failures throw, so the refusal handler can name the field instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Apply(o.SerializerOptions));
        builder.Services.AddSingleton<ClusterHubFilter>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        // The live and judging hubs' connections are tracked: each gets its own mailbox, and revocation closes them.
        builder.Services.AddSingleton<HubLifetimeManager<LiveHub>, TrackedHubLifetimeManager<LiveHub>>();
        builder.Services.AddSingleton<HubLifetimeManager<JudgingHub>, TrackedHubLifetimeManager<JudgingHub>>();
        builder.Services.AddSignalR(o =>
            {
                o.AddFilter<SessionHubFilter>();
                o.AddFilter<ClusterHubFilter>();
                // Frames up to this size are read and, past MaxHubMessageBytes, answered with PayloadTooLarge;
                // only a frame beyond it closes the connection.
                o.MaximumReceiveMessageSize = Math.Max(limits.MaxHubMessageBytes * 16, 1024 * 1024);
            })
            .AddJsonProtocol(o => StrictJson.Apply(o.PayloadSerializerOptions))
            .AddHubOptions<JudgingHub>(o => o.MaximumParallelInvocationsPerClient = JudgingHub.MarksInFlightPerConnection);
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(sp => new RefusingHubProtocol(
            new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>()), limits.MaxHubMessageBytes));
        builder.Services.AddCraftsmanAuth();
        builder.Services.AddCraftsmanVenue();
        builder.Services.AddSingleton<EditionDirectory>();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity?.IsAuthenticated == true || !http.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, limits.AnonymousRequestsPerMinute),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            o.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Refusal.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests",
                    $"At most {limits.AnonymousRequestsPerMinute} requests a minute from one address without signing in. Wait a little and try again.",
                    ("perMinute", $"{limits.AnonymousRequestsPerMinute}"));
            };
        });
        builder.AddCraftsmanTelemetry("craftsman-gateway");
        builder.Services.AddCraftsmanSettings<LiveOptions>(LiveOptions.Section);
        var benchmark = builder.ReadCraftsmanSettings<BenchmarkOptions>(BenchmarkOptions.Section);
        builder.Services.AddSingleton(benchmark);
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
        app.UseMiddleware<RequestLimits>();
        // The pages (wwwroot: /judge/, /board/, /arena/, /console/) and their npm libraries (wwwroot/lib).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseSessionRefusal();
        app.UseLiveConnectionLimit();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapCraftsmanTelemetry();
        app.MapCraftsmanHealth();
        var api = app.MapGroup("").AddEndpointFilter<ClusterEndpointFilter>().AddEndpointFilter<RouteIdFilter>();
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
        api.MapBackupEndpoints();
        api.MapStageEndpoints().MapEditionResultsEndpoints();
        // SignalR closes a connection whose single send has not completed within this time: the same limit as the mailbox's.
        var stalled = app.Services.GetRequiredService<IOptions<LiveOptions>>().Value.StalledPushLimit;
        app.MapHub<LiveHub>("/hubs/live", o => o.TransportSendTimeout = stalled);
        app.MapHub<JudgingHub>("/hubs/judging", o => o.TransportSendTimeout = stalled);
        if (app.Services.GetRequiredService<BenchmarkOptions>().Enabled)
            app.MapBenchmarkEndpoints();
        return app;
    }
}
