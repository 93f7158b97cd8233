using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Craftsman.Gateway.Tests.Cluster;

/// <summary>
/// A grain call that never answers (its storage write hangs) ends at the gateway's configured call
/// timeout with the same retryable refusal as an outage. Orleans' own response timeout is set far
/// beyond the test's patience, so only the gateway's pipeline can end these calls.
/// </summary>
public sealed class CallTimeoutTests : IAsyncLifetime
{
    private const string Contest = "/api/editions/2020/occupations/cnc-lathe";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly StorageFault _fault = new();
    private GatewayFactory _factory = null!;
    private GatewayClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), builder =>
        {
            builder.UseSetting("Craftsman:CallTimeout", "00:00:01");
            builder.ConfigureServices(services =>
            {
                _fault.Install(services, StorageNames.Craftsman);
                services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
            });
        });
        _client = new GatewayClient(_factory);
        await _client.GoLive();
    }

    public async Task DisposeAsync()
    {
        _fault.Release();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task MarkWhoseWriteHangsGetsRetryable503WithItsCode()
    {
        var judge = await _client.Judge("J014");
        _fault.HoldWrites();

        var response = await judge.PostAsJsonAsync($"{Contest}/marks", new { idempotencyKey = "hang-1", contestantId = "C007", criterionId = "P3", value = 16.5m })
            .WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ClusterUnavailable", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("retryable").GetBoolean());
        Assert.Contains("did not answer in time", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HubMarkWhoseWriteHangsIsRefusedAsRetryable()
    {
        var hub = _client.Hub("/hubs/judging", await _client.JudgeToken("J014"));
        await hub.StartAsync();
        _fault.HoldWrites();

        var error = await Assert.ThrowsAsync<HubException>(() => hub
            .InvokeAsync<JsonElement>("SubmitMark", new { occupation = GatewayClient.Occupation, idempotencyKey = "hang-2", contestantId = "C007", criterionId = "P3", value = 16.5m })
            .WaitAsync(Patience));

        Assert.Contains("ClusterUnavailable (retryable)", error.Message);
        Assert.Contains("did not answer in time", error.Message);
        await hub.DisposeAsync();
    }
}
