using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Connections;

/// <summary>
/// One connection's pushes: at most one write in flight, and at most one push waiting per topic,
/// which a newer push for that topic merges into (a whole board replaces it). Posting never waits,
/// so a connection that stops reading holds one write and one push per topic, and delays nobody:
/// neither the feed nor any other connection. One whose write has not finished within the stall
/// limit is closed; its client reconnects and resynchronises with a snapshot.
/// </summary>
public sealed class Mailbox(HubConnectionContext connection, TimeProvider clock, TimeSpan stallLimit, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Topic, Push> _waiting = [];
    private readonly Queue<Topic> _order = new();
    private readonly Dictionary<Topic, long> _sent = [];
    private bool _writing;
    private bool _closed;
    private long _writingSince;

    /// <summary>Whether a write to the connection has not finished yet (a connection that stopped reading stays so).</summary>
    public bool Writing
    {
        get { lock (_gate) return _writing; }
    }

    /// <summary>Records that the connection was handed the topic at <paramref name="version"/> (a snapshot), so the next push follows it.</summary>
    public void Sent(Topic topic, long version)
    {
        lock (_gate)
            if (!_sent.TryGetValue(topic, out var known) || version > known)
                _sent[topic] = version;
    }

    /// <summary>Forgets a topic the connection no longer follows.</summary>
    public void Forget(Topic topic)
    {
        lock (_gate)
        {
            _sent.Remove(topic);
            _waiting.Remove(topic);
        }
    }

    public void Post(Push push)
    {
        lock (_gate)
        {
            if (_closed)
                return;
            if (_waiting.TryGetValue(push.Topic, out var waiting))
                _waiting[push.Topic] = waiting.Merge(push);
            else
            {
                _waiting[push.Topic] = push;
                _order.Enqueue(push.Topic);
            }
            if (_writing)
            {
                if (clock.GetElapsedTime(_writingSince) > stallLimit)
                    Stalled();
                return;
            }
            _writing = true;
        }
        _ = Drain();
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _waiting.Clear();
            _order.Clear();
        }
    }

    private async Task Drain()
    {
        while (true)
        {
            Push next;
            long lastSent;
            lock (_gate)
            {
                if (!TryTake(out next))
                {
                    _writing = false;
                    return;
                }
                lastSent = _sent.GetValueOrDefault(next.Topic, -1);
                _sent[next.Topic] = Math.Max(lastSent, next.Version);
                _writingSince = clock.GetTimestamp();
            }
            try
            {
                await next.Write(connection, lastSent);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Writing to connection {Connection} failed; closing it.", connection.ConnectionId);
                lock (_gate)
                {
                    _writing = false;
                    _closed = true;
                }
                connection.Abort();
                return;
            }
        }
    }

    private bool TryTake(out Push next)
    {
        while (!_closed && _order.TryDequeue(out var topic))
            if (_waiting.Remove(topic, out next!))
                return true;
        next = null!;
        return false;
    }

    private void Stalled()
    {
        _closed = true;
        _waiting.Clear();
        _order.Clear();
        logger.LogInformation("Connection {Connection} has not read a push for {Limit}; closing it (its client resynchronises on reconnect).", connection.ConnectionId, stallLimit);
        connection.Abort();
    }
}
