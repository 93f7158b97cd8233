using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Craftsman.Gateway.Connections;

/// <summary>
/// One client-method call with the same payload for many connections, serialized once per
/// distinct "follows" value (all connections that are up to date share one) and per protocol.
/// </summary>
public sealed class SharedInvocation(string method, Func<long, object> payload)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, SerializedHubMessage> _messages = [];

    public SerializedHubMessage For(long follows)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(follows, out var message))
                _messages[follows] = message = new SerializedHubMessage(new InvocationMessage(method, [payload(follows)]));
            return message;
        }
    }
}
