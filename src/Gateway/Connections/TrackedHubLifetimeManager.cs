using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Connections;

/// <summary>
/// SignalR's in-memory lifetime manager that also tells the <see cref="ConnectionRegistry"/> about
/// every connection of its hub: the feed writes to each connection through its own mailbox, and
/// revocation closes the connections of a revoked session.
/// </summary>
public sealed class TrackedHubLifetimeManager<THub>(ConnectionRegistry registry, ILogger<DefaultHubLifetimeManager<THub>> logger)
    : DefaultHubLifetimeManager<THub>(logger) where THub : Hub
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        registry.Add(typeof(THub), connection);
        await base.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        registry.Remove(connection.ConnectionId);
        await base.OnDisconnectedAsync(connection);
    }
}
