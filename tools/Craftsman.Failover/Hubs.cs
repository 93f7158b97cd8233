using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Failover;

/// <summary>How every hub connection of the tool is built: WebSockets only, no automatic reconnect (the drills do their own, to the other gateway).</summary>
public static class Hubs
{
    public const string Live = "hubs/live";
    public const string Judging = "hubs/judging";

    public static HubConnection Build(Uri gateway, string path, Func<Task<string?>>? accessToken = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, path), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (accessToken is not null)
                    o.AccessTokenProvider = accessToken;
            })
            .Build();
        connection.HandshakeTimeout = TimeSpan.FromSeconds(15);
        // Two loaded cores can starve a keep-alive for a while; a drop should mean a real drop.
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        return connection;
    }
}
