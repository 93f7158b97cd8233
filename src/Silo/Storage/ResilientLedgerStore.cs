using System.Diagnostics;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Errors;
using Craftsman.Grains.Storage;
using Polly;
using Polly.Timeout;

namespace Craftsman.Silo.Storage;

/// <summary>
/// The same guard as <see cref="ResilientGrainStorage"/>, for the ledger: the round's only durable
/// record and the one write on a mark's acknowledgement path. Reads are retried; an append is not
/// (a lost answer may have committed, and its retry would conflict anyway). Every call has a timeout
/// and the token is passed on, so a hung database ends in a retryable
/// <see cref="StorageUnavailableException"/> instead of a tablet waiting. An append abandoned after
/// its timeout was never acknowledged; the contest grain retires on the failure, and its next
/// activation replays whatever did commit, so a resend with the same key is answered once.
/// </summary>
public sealed class ResilientLedgerStore(ILedgerStore inner, ResilientGrainStorageOptions options, ILogger? logger = null) : ILedgerStore
{
    private readonly ResiliencePipeline _reads = ResilientGrainStorage.Pipeline(options, options.ReadRetries, IsTransient);
    private readonly ResiliencePipeline _appends = ResilientGrainStorage.Pipeline(options, retries: 0, IsTransient);

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LedgerEntry> entries = [];
        await Guard(_reads, async token => entries = await inner.ReadAsync(ledgerId, token).WaitAsync(token), "read", ledgerId, cancellationToken);
        return entries;
    }

    public Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default) =>
        Guard(_appends, token => inner.AppendAsync(ledgerId, after, entries, token).WaitAsync(token), "append", ledgerId, cancellationToken);

    private async Task Guard(ResiliencePipeline pipeline, Func<CancellationToken, Task> call, string what, string ledgerId, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.StartLedger(what == "append" ? "write" : "read", ledgerId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await pipeline.ExecuteAsync(static async (call, token) => await call(token), call, cancellationToken);
            if (what == "append")
                StorageTelemetry.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (Fail(activity, e))
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            logger?.LogWarning(e, "The store did not answer the {What} of the ledger {Ledger} within {Timeout}.", what, ledgerId, options.Timeout);
            throw new StorageUnavailableException($"The store did not answer the {what} of the ledger {ledgerId} within {options.Timeout.TotalSeconds:0.###} s; nothing was acknowledged. Retry shortly.");
        }
        catch (Exception e) when (IsTransient(e) && e is not StorageUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            logger?.LogWarning(e, "The store did not confirm the {What} of the ledger {Ledger}.", what, ledgerId);
            throw new StorageUnavailableException($"The store did not confirm the {what} of the ledger {ledgerId}; nothing was saved by this call. Retry shortly.");
        }
    }

    private static bool Fail(Activity? activity, Exception e)
    {
        activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        return false;
    }

    // Another activation having appended first is a real answer, not an outage: let it through as is.
    private static bool IsTransient(Exception e) => e is not LedgerConflictException;
}
