using Craftsman.Contracts.Editions;
using Craftsman.Hosting.Modes;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Craftsman.Gateway.Cluster;

/// <summary>
/// Cluster mode: connects the gateway's Orleans client in the background, retrying with
/// exponential back-off and jitter until a silo answers, so the web server is up (and /health says
/// why it is not ready) while the cluster is away. Once connected, Orleans itself follows silos
/// coming and going; the gateway count tells us when none is left.
/// </summary>
public sealed class ClusterClientService(
    ClusterAccess access,
    IOptions<GatewayClusterOptions> options,
    IOptions<CraftsmanOptions> craftsman,
    IConfiguration configuration,
    ILogger<ClusterClientService> logger) : BackgroundService
{
    private IHost? _client;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = options.Value.MaxReconnectDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                OnRetry = args =>
                {
                    access.Disconnected($"cannot reach the cluster: {args.Outcome.Exception?.Message}");
                    logger.LogWarning("Connecting to the cluster failed (attempt {Attempt}); retrying in {Delay}.", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        await retry.ExecuteAsync(async token =>
        {
            var client = BuildClient();
            try
            {
                await client.StartAsync(token);
                // A client that started has a gateway; prove a silo answers before taking traffic.
                var factory = client.Services.GetRequiredService<IClusterClient>();
                await factory.GetGrain<IEditionGrain>("_probe").GetOccupations().WaitAsync(options.Value.CallTimeout, token);
                _client = client;
                access.Connected(factory, "connected");
                logger.LogInformation("Connected to the cluster.");
            }
            catch
            {
                await StopQuietly(client);
                throw;
            }
        }, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_client is { } client)
            await StopQuietly(client);
    }

    private IHost BuildClient()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole();
        var o = options.Value;
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(craftsman.Value.ConfigureIdentity);
            client.AddActivityPropagation();
            if (o.Clustering == ClusterDiscovery.Localhost)
                client.UseStaticClustering([.. o.GatewayPorts.Select(p => new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, p))]);
            else
                client.UseCraftsmanAdoNetClustering(CraftsmanConnectionStrings.Require(configuration));
            // Give up on this attempt quickly; the retry pipeline above owns the waiting.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(m => m.ResponseTimeout = o.CallTimeout);
            // Learn of silos that joined after this gateway started soon, not after the default minute.
            client.Configure<Orleans.Configuration.GatewayOptions>(g => g.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.AddGatewayCountChangedHandler((_, e) =>
            {
                if (e.NumberOfConnectedGateways == 0)
                    access.Disconnected("lost every connection to the cluster; reconnecting");
                else if (_client is { } live)
                    access.Connected(live.Services.GetRequiredService<IClusterClient>(), "connected");
            });
        });
        return builder.Build();
    }

    private async Task StopQuietly(IHost client)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.StopAsync(cts.Token);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Stopping a cluster client failed.");
        }
        client.Dispose();
    }
}
