using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Silo.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Craftsman.Gateway.Tests.Cluster;

/// <summary>
/// A gateway in cluster mode whose silo is missing, appears, disappears and comes back: callers get
/// a fast, retryable error while it is away, /health says so, and the gateway reconnects by itself.
/// </summary>
public sealed class ClusterOutageTests : IAsyncLifetime
{
    private readonly int _siloPort = GatewayFactory.FreePort();
    private readonly int _gatewayPort = GatewayFactory.FreePort();
    private readonly string _database = GatewayFactory.NewDatabasePath();
    private GatewayFactory _gateway = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _gateway = new GatewayFactory(_database, builder =>
        {
            builder.UseSetting("Craftsman:Mode", "Cluster");
            builder.UseSetting("Craftsman:Clustering", "Localhost");
            builder.UseSetting("Craftsman:GatewayPorts:0", _gatewayPort.ToString());
            builder.UseSetting("Craftsman:MaxReconnectDelay", "00:00:01");
        });
        _http = _gateway.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task CallsFailFastWithARetryableErrorUntilTheClusterComesBack()
    {
        await AssertUnavailable();
        var hub = new GatewayClient(_gateway).Hub("/hubs/live");
        await hub.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("FollowOccupation", "2020", "cnc-lathe"));
        Assert.Contains("ClusterUnavailable", error.Message);

        using (var silo = await StartSilo())
        {
            await WaitForHealth(HttpStatusCode.OK);
            var occupations = await _http.GetFromJsonAsync<JsonElement>("/api/editions/2020/occupations");
            Assert.Equal(30, occupations.GetArrayLength());
            var board = await hub.InvokeAsync<JsonElement>("FollowOccupation", "2020", "cnc-lathe");
            Assert.Equal("cnc-lathe", board.GetProperty("occupationCode").GetString());
            await silo.StopAsync();
        }

        await WaitForHealth(HttpStatusCode.ServiceUnavailable);
        await AssertUnavailable();

        using (var again = await StartSilo())
        {
            await WaitForHealth(HttpStatusCode.OK);
            Assert.Equal(30, (await _http.GetFromJsonAsync<JsonElement>("/api/editions/2020/occupations")).GetArrayLength());
            await again.StopAsync();
        }
        await hub.DisposeAsync();
    }

    private async Task AssertUnavailable()
    {
        var health = await _http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var response = await _http.GetAsync("/api/editions/2020/occupations");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ClusterUnavailable", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("retryable").GetBoolean());
    }

    private async Task<IHost> StartSilo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Craftsman:Silo:DatabasePath"] = _database,
            ["Craftsman:Silo:SiloPort"] = _siloPort.ToString(),
            ["Craftsman:Silo:GatewayPort"] = _gatewayPort.ToString(),
            ["Craftsman:ClusterId"] = _gateway.ClusterId,
            ["Craftsman:ServiceId"] = _gateway.ClusterId,
        });
        builder.AddCraftsmanSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Polls /health until it answers <paramref name="expected"/>; the reconnect loop backs off to 1 s here.</summary>
    private async Task WaitForHealth(HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode last;
        do
        {
            last = (await _http.GetAsync("/health")).StatusCode;
            if (last == expected)
                return;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"/health stayed {last}, expected {expected}.");
    }
}
