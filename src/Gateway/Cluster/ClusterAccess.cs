using Craftsman.Contracts.Errors;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace Craftsman.Gateway.Cluster;

/// <summary>
/// The gateway's way to the grains. While the cluster is unreachable it refuses at once with a
/// retryable error instead of letting callers wait on a dead connection; every call runs under a
/// timeout and a circuit breaker, so a struggling cluster is not hammered by hub and API traffic.
/// </summary>
public sealed class ClusterAccess
{
    private volatile IGrainFactory? _grains;
    private volatile string _status = "connecting to the cluster";

    /// <summary>The pipeline's name in Polly's registry (<see cref="ClusterExtensions"/> registers it once).</summary>
    public const string PipelineName = "craftsman-cluster";

    public ClusterAccess(ResiliencePipelineProvider<string> pipelines) => Pipeline = pipelines.GetPipeline(PipelineName);

    /// <summary>
    /// The breaker outside, the timeout inside: a call that times out counts as a failure. Opens only
    /// when nearly everything fails (the cluster as a whole is in trouble): losing one silo fails the
    /// calls to its grains for a few seconds, and must not stop the others.
    /// </summary>
    public static void Configure(ResiliencePipelineBuilder pipeline, TimeSpan callTimeout) => pipeline
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.9,
            MinimumThroughput = 50,
            SamplingDuration = TimeSpan.FromSeconds(5),
            BreakDuration = TimeSpan.FromSeconds(2),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ClusterErrors.IsClusterFailure),
        })
        .AddTimeout(callTimeout);

    public ResiliencePipeline Pipeline { get; }

    public bool IsAvailable => _grains is not null;

    public string Status => _status;

    public IGrainFactory Grains => _grains ?? throw new ClusterUnavailableException($"The results service is unavailable ({_status}). Retry shortly.");

    public void Connected(IGrainFactory grains, string status)
    {
        _status = status;
        _grains = grains;
    }

    public void Disconnected(string status)
    {
        _status = status;
        _grains = null;
    }
}

/// <summary>Which failures mean "the cluster is not there", as opposed to a fault in the request.</summary>
public static class ClusterErrors
{
    /// <summary>Orleans wraps storage failures ("Error from storage provider ..."), so the cause may be an inner exception.</summary>
    public static bool IsClusterFailure(Exception e) => Cause(e) is not null;

    private static Exception? Cause(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is ClusterUnavailableException or StorageUnavailableException or TimeoutRejectedException
                or BrokenCircuitException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
                or Orleans.Runtime.Messaging.ConnectionFailedException)
                return e;
        return null;
    }

    public static ClusterUnavailableException Translate(Exception e) => e as ClusterUnavailableException
        ?? new ClusterUnavailableException(Cause(e) switch
        {
            BrokenCircuitException => "The results service is recovering from errors. Retry in a few seconds.",
            StorageUnavailableException => "The results database is unavailable; nothing was saved. Retry shortly; a mark resent with the same key is never counted twice.",
            TimeoutRejectedException or TimeoutException => "The results service did not answer in time. Retry; a mark resent with the same key is never counted twice.",
            _ => "The results service is unreachable. Retry shortly.",
        }, e);
}
