using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Connections;

/// <summary>One open hub connection: its SignalR context, the client's address and its mailbox.</summary>
public sealed class TrackedConnection(Type hub, HubConnectionContext context, string address, Mailbox mailbox)
{
    public Type Hub { get; } = hub;
    public HubConnectionContext Context { get; } = context;
    public string Address { get; } = address;
    public Mailbox Mailbox { get; } = mailbox;
    public string Id => Context.ConnectionId;
}
