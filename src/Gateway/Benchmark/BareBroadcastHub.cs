using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Benchmark;

/// <summary>
/// The baseline for the load tool: a plain SignalR broadcast with no grains and no logic. Whatever
/// a sender passes to <see cref="Broadcast"/> goes unchanged to every connection, so the product's
/// mark-to-screen latency can be reported as a ratio to this one on the same machine and run.
/// Mapped only when <see cref="BenchmarkOptions.Enabled"/> is set.
/// </summary>
public sealed class BareBroadcastHub : Hub<IBareBroadcastClient>
{
    public Task Broadcast(JsonElement payload) => Clients.All.LeaderboardChanged(payload);

    public override Task OnConnectedAsync()
    {
        ConnectionCounter.Shared.BareHubConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        ConnectionCounter.Shared.BareHubDisconnected();
        return base.OnDisconnectedAsync(exception);
    }
}
