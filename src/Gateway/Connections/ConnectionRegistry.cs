using System.Collections.Concurrent;
using Craftsman.Gateway.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Connections;

/// <summary>This gateway's open connections of the live and judging hubs, and how many each address holds.</summary>
public sealed class ConnectionRegistry(IOptions<LiveOptions> options, TimeProvider clock, ILogger<ConnectionRegistry> logger)
{
    private readonly ConcurrentDictionary<string, TrackedConnection> _connections = new();
    private readonly ConcurrentDictionary<(Type, string), int> _perAddress = new();

    public int Count => _connections.Count;

    public void Add(Type hub, HubConnectionContext context)
    {
        var address = AddressOf(context);
        var mailbox = new Mailbox(context, clock, options.Value.StalledPushLimit, logger);
        _connections[context.ConnectionId] = new TrackedConnection(hub, context, address, mailbox);
        _perAddress.AddOrUpdate((hub, address), 1, (_, n) => n + 1);
    }

    public void Remove(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var gone))
            return;
        gone.Mailbox.Close();
        _perAddress.AddOrUpdate((gone.Hub, gone.Address), 0, (_, n) => n - 1);
        _perAddress.TryRemove(KeyValuePair.Create((gone.Hub, gone.Address), 0));
    }

    public TrackedConnection? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    /// <summary>Open connections of <paramref name="hub"/> from one client address.</summary>
    public int CountAt(Type hub, string address) => _perAddress.GetValueOrDefault((hub, address));

    /// <summary>The connections whose signed-in user matches; for closing revoked sessions (rare, so a scan is fine).</summary>
    public IEnumerable<TrackedConnection> Where(Func<TrackedConnection, bool> match) => _connections.Values.Where(match);

    public static string AddressOf(HubConnectionContext context) =>
        context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
