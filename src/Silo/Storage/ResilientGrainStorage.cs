using Craftsman.Contracts.Errors;
using Orleans.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Craftsman.Silo.Storage;

/// <summary>
/// Guards a database-backed grain storage. Reads are retried with back-off and jitter (they change
/// nothing); writes are not, because a write whose answer was lost may have committed and its retry
/// would be refused for a stale ETag anyway — the grain retires and the caller resends instead.
/// Every call has a timeout, and a circuit breaker makes calls fail at once while the database is
/// down, so judges get a fast, retryable <see cref="StorageUnavailableException"/> rather than a hang.
/// The provider's calls take no cancellation token, so a call that outlives its timeout is abandoned
/// (<see cref="Task.WaitAsync(CancellationToken)"/>): the caller hears at once, and whatever the
/// database does later with that call cannot be acknowledged to anyone.
/// </summary>
public sealed class ResilientGrainStorage(IGrainStorage inner, ResilientGrainStorageOptions options, ILogger? logger = null) : IGrainStorage
{
    private readonly ResiliencePipeline _reads = Pipeline(options, retries: options.ReadRetries);
    private readonly ResiliencePipeline _writes = Pipeline(options, retries: 0);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(_reads, () => inner.ReadStateAsync(stateName, grainId, grainState), "read", grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(_writes, () => inner.WriteStateAsync(stateName, grainId, grainState), "write", grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(_writes, () => inner.ClearStateAsync(stateName, grainId, grainState), "clear", grainId);

    private async Task Guard(ResiliencePipeline pipeline, Func<Task> call, string what, GrainId grainId)
    {
        try
        {
            await pipeline.ExecuteAsync(static async (call, token) => await call().WaitAsync(token), call);
        }
        catch (TimeoutRejectedException e)
        {
            logger?.LogWarning(e, "The database did not answer the {What} of {Grain} within {Timeout}.", what, grainId, options.Timeout);
            // A write may still commit after we stopped waiting; the grain's ETag is then stale, so it
            // retires on its next write and the caller's resend (same key) is answered exactly once.
            throw new StorageUnavailableException($"The database did not answer the {what} of {grainId} within {options.Timeout.TotalSeconds:0.###} s; nothing was acknowledged. Retry shortly.");
        }
        catch (Exception e) when (IsTransient(e))
        {
            logger?.LogWarning(e, "The database did not confirm the {What} of {Grain}.", what, grainId);
            throw new StorageUnavailableException($"The database did not confirm the {what} of {grainId}; nothing was saved by this call. Retry shortly.");
        }
    }

    // A version conflict is a real answer from the database, not an outage: let it through as is.
    private static bool IsTransient(Exception e) => e is not InconsistentStateException;

    /// <summary>The guard's pipeline: optional retries (reads only), a circuit breaker, a timeout. Shared with <see cref="ResilientLedgerStore"/>.</summary>
    internal static ResiliencePipeline Pipeline(ResilientGrainStorageOptions o, int retries, Func<Exception, bool>? isTransient = null)
    {
        isTransient ??= IsTransient;
        var builder = new ResiliencePipelineBuilder();
        if (retries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => isTransient(e) && e is not BrokenCircuitException),
            });
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = o.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(isTransient),
            })
            .AddTimeout(o.Timeout)
            .Build();
    }
}
