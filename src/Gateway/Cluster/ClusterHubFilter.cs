using Craftsman.Gateway.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Cluster;

/// <summary>
/// Runs every hub method under the cluster pipeline and turns an unreachable cluster into an error the
/// client can show and retry. A method still waiting on the grains when the pipeline's timeout fires
/// is abandoned (<c>WaitAsync</c>), so the tablet hears "retry" instead of hanging.
/// </summary>
public sealed class ClusterHubFilter(ClusterAccess access, ILogger<ClusterHubFilter> logger) : IHubFilter
{
    public const string ErrorPrefix = "ClusterUnavailable";

    public const string InternalErrorPrefix = "InternalError";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // The load tool's baseline must measure SignalR alone.
        if (context.Hub is Benchmark.BareBroadcastHub)
            return await next(context);
        try
        {
            return await access.Pipeline.ExecuteAsync(
                static async (call, token) => await call.next(call.context).AsTask().WaitAsync(token),
                (next, context),
                context.Context.ConnectionAborted);
        }
        catch (Exception e) when (ClusterErrors.IsClusterFailure(e))
        {
            throw new HubException($"{ErrorPrefix} (retryable): {ClusterErrors.Translate(e).Message}");
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            // Never a bare "unexpected error": the tablet retries this one with the same key, which is safe.
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException($"{InternalErrorPrefix} (retryable): The server failed to answer; nothing was changed by this call.");
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
            // Counted once connected: SignalR calls OnDisconnectedAsync only for a connection whose OnConnectedAsync succeeded.
            GatewayMetrics.Connected(HubName(context.Hub));
        }
        catch (Exception e) when (ClusterErrors.IsClusterFailure(e))
        {
            throw new HubException($"{ErrorPrefix} (retryable): {ClusterErrors.Translate(e).Message}");
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        GatewayMetrics.Disconnected(HubName(context.Hub));
        await next(context, exception);
    }

    private static string HubName(Hub hub) => hub.GetType().Name;
}
