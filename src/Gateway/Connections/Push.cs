using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Connections;

/// <summary>Something waiting to be written to one connection.</summary>
public abstract class Push(Topic topic, long version)
{
    public Topic Topic { get; } = topic;

    /// <summary>The occupation's version this push brings the connection to.</summary>
    public long Version { get; } = version;

    /// <summary>
    /// Combines this waiting push with a newer one for the same topic. A whole board simply
    /// replaces the older one (latest only); a push of changes keeps the union.
    /// </summary>
    public virtual Push Merge(Push newer) => newer;

    /// <summary>Writes the push; <paramref name="lastSent"/> is the version this connection was last given for the topic.</summary>
    public abstract ValueTask Write(HubConnectionContext connection, long lastSent);
}
