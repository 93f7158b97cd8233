using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Load;

/// <summary>How every connection of the tool is built: WebSockets only, no automatic reconnect (a drop is counted, not hidden).</summary>
public static class Hubs
{
    public const string Live = "hubs/live";
    public const string Judging = "hubs/judging";
    public const string Bench = "hubs/bench";

    public static HubConnection Build(Uri gateway, string path, bool negotiate, Func<Task<string?>>? accessToken = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, path), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = !negotiate;
                if (accessToken is not null)
                    o.AccessTokenProvider = accessToken;
            })
            .Build();
        connection.HandshakeTimeout = TimeSpan.FromSeconds(30);
        // A loaded two-core machine can starve a keep-alive for a while; a drop should mean a real drop.
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        return connection;
    }
}
