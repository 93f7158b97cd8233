using System.Net;
using System.Net.Sockets;

namespace Craftsman.Tests.Shared;

/// <summary>
/// Ports for silos a test starts. They come from below the kernel's ephemeral range
/// (32768–60999 on Debian), because a port the kernel hands out for "any free port" can be taken
/// again by any outgoing connection — the browser's, PostgreSQL's — before the silo binds it.
/// A port is handed out once per process and only after a bind on it succeeded.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
