using Craftsman.Gateway.Api;

namespace Craftsman.Gateway.Cluster;

/// <summary>
/// Runs every API call under the cluster pipeline; an unreachable cluster is a 503 with a retry hint.
/// Grain calls take no token, so a call that outlives the pipeline's timeout is abandoned
/// (<c>WaitAsync</c>) and the caller hears at once: a mark resent with its key is still counted once.
/// </summary>
public sealed class ClusterEndpointFilter(ClusterAccess access) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await access.Pipeline.ExecuteAsync(
                static async (call, token) => await call.next(call.context).AsTask().WaitAsync(token),
                (next, context),
                context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (ClusterErrors.IsClusterFailure(e))
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, ClusterErrors.Translate(e).Message, "ClusterUnavailable",
                new Dictionary<string, object?> { ["retryable"] = true });
        }
    }
}
