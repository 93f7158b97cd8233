using Craftsman.Gateway.Api;
using Craftsman.Gateway.Connections;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Live;

/// <summary>
/// Refuses a new live-hub connection (negotiation or transport request) from an address that
/// already holds <see cref="LiveOptions.ConnectionsPerAddress"/> of them: 429 with the code
/// <c>TooManyConnections</c>. Behind a reverse proxy every viewer has the proxy's address, so a
/// deployment there sets the limit to 0 and limits at the proxy.
/// </summary>
public static class LiveConnectionLimit
{
    public static IApplicationBuilder UseLiveConnectionLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<LiveOptions>>().Value.ConnectionsPerAddress;
        if (limit > 0 && http.Request.Path.StartsWithSegments("/hubs/live") && !IsOpenConnection(http))
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (http.RequestServices.GetRequiredService<ConnectionRegistry>().CountAt(typeof(LiveHub), address) >= limit)
            {
                await Problems.Problem(StatusCodes.Status429TooManyRequests,
                    $"This address already holds {limit} live connections; close some before opening more.", LiveHub.TooManyConnections).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    // Long polling and server-sent events keep using the connection they negotiated: never refuse those.
    private static bool IsOpenConnection(HttpContext http) =>
        http.Request.Query.ContainsKey("id") && !http.WebSockets.IsWebSocketRequest;
}
