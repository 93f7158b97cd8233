using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Gateway.Tests.Support;

/// <summary>Collects what a connection receives for one client method, as raw JSON, to wait on and inspect.</summary>
public sealed class Inbox
{
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();

    public Inbox(HubConnection connection, string method) =>
        connection.On<JsonElement>(method, message => _messages.Writer.TryWrite(message.Clone()));

    public List<JsonElement> Received { get; } = [];

    /// <summary>Waits until a message satisfies <paramref name="match"/>; fails the test after the timeout.</summary>
    public async Task<JsonElement> WaitFor(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(cts.Token);
                Received.Add(message);
                if (match(message))
                    return message;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No matching message within the timeout; received {Received.Count}: {string.Join(" | ", Received)}");
        }
    }

    /// <summary>Everything received so far without waiting.</summary>
    public List<JsonElement> Drain()
    {
        while (_messages.Reader.TryRead(out var message))
            Received.Add(message);
        return Received;
    }
}
