using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Silo.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Craftsman.Gateway.Tests.Cluster;

/// <summary>Two cluster-mode gateways on one silo: a code revoked through one ends its sessions on both.</summary>
public sealed class RevocationAcrossGatewaysTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly int _siloPort = GatewayFactory.FreePort();
    private readonly int _gatewayPort = GatewayFactory.FreePort();
    private readonly string _database = GatewayFactory.NewDatabasePath();
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private IHost _silo = null!;
    private GatewayFactory _first = null!;
    private GatewayFactory _second = null!;

    public async Task InitializeAsync()
    {
        _silo = await StartSilo();
        _first = Gateway();
        _second = Gateway();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _silo.StopAsync();
        _silo.Dispose();
    }

    [Fact]
    public async Task CodeRevokedThroughOneGatewayEndsItsSessionsOnTheOther()
    {
        var client = new GatewayClient(_first);
        await WaitUntilServing(_first);
        await WaitUntilServing(_second);
        var token = await client.JudgeToken("J014");
        Assert.Equal(HttpStatusCode.OK, (await SessionProbe.Rest(_second, token)).Status);
        var (_, closedOnFirst) = await SessionProbe.Open(_first, token);
        var (_, closedOnSecond) = await SessionProbe.Open(_second, token);

        var organiser = await client.Organiser();
        var since = Stopwatch.StartNew();
        (await organiser.DeleteAsync($"/api/editions/{GatewayClient.Edition}/access-codes/J014")).EnsureSuccessStatusCode();

        output.WriteLine($"closed on the other gateway {(await SessionProbe.WaitClosed(closedOnSecond, since)).TotalMilliseconds:F0} ms after the revoke");
        output.WriteLine($"closed on the revoking gateway {(await SessionProbe.WaitClosed(closedOnFirst, since)).TotalMilliseconds:F0} ms after the revoke");
        Assert.Equal((HttpStatusCode.Unauthorized, "SessionRevoked"), await SessionProbe.Rest(_second, token));
        Assert.Equal((HttpStatusCode.Unauthorized, "SessionRevoked"), await SessionProbe.Rest(_first, token));
    }

    private GatewayFactory Gateway() => new(_database, builder =>
    {
        builder.UseSetting("Craftsman:Mode", "Cluster");
        builder.UseSetting("Craftsman:Clustering", "Localhost");
        builder.UseSetting("Craftsman:GatewayPorts:0", _gatewayPort.ToString());
        builder.UseSetting("Craftsman:MaxReconnectDelay", "00:00:01");
        builder.UseSetting("Craftsman:ClusterId", _clusterId);
        builder.UseSetting("Craftsman:ServiceId", _clusterId);
        builder.UseSetting("Craftsman:Auth:SigningKey", _signingKey);
    });

    private async Task<IHost> StartSilo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Craftsman:Silo:DatabasePath"] = _database,
            ["Craftsman:Silo:SiloPort"] = _siloPort.ToString(),
            ["Craftsman:Silo:GatewayPort"] = _gatewayPort.ToString(),
            ["Craftsman:ClusterId"] = _clusterId,
            ["Craftsman:ServiceId"] = _clusterId,
        });
        builder.AddCraftsmanSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WaitUntilServing(GatewayFactory gateway)
    {
        using var http = gateway.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The gateway did not reach the cluster.");
            await Task.Delay(200);
        }
    }
}
