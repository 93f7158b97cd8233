using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Connections;

/// <summary>A whole board (or overview line): a newer one replaces it, and it follows whatever the connection was last sent.</summary>
public sealed class LatestPush(Topic topic, long version, SharedInvocation invocation) : Push(topic, version)
{
    public override ValueTask Write(HubConnectionContext connection, long lastSent) =>
        connection.WriteAsync(invocation.For(lastSent));
}
