using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Telemetry;

namespace Craftsman.Gateway.Judging;

/// <summary>
/// Marks for one contest that arrive while this gateway's previous batch for it is being stored
/// travel together in the next call, so one durable write acknowledges many marks. A mark that
/// finds nothing in flight goes at once: no timer ever holds a mark back. Each mark still gets its
/// own outcome; when the call fails, every mark in it fails and nothing is acknowledged.
/// </summary>
public sealed class MarkBatcher(ClusterAccess cluster)
{
    /// <summary>Bounds one grain call's message and write.</summary>
    public const int MaxBatch = 256;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new();

    public async Task<MarkOutcome> Submit(string contestKey, MarkSubmission submission)
    {
        var started = Stopwatch.GetTimestamp();
        var occupation = new KeyValuePair<string, object?>("occupation", contestKey);
        try
        {
            var outcome = await Enqueue(contestKey, submission);
            if (outcome.Rejection is { } rejection)
                GatewayMetrics.MarksRefused.Add(1, occupation, new("code", rejection.Code.ToString()));
            else
                GatewayMetrics.MarksAcknowledged.Add(1, occupation);
            return outcome;
        }
        catch (Exception e)
        {
            GatewayMetrics.MarksRefused.Add(1, occupation, new("code", ClusterErrors.IsClusterFailure(e) ? "ClusterUnavailable" : e.GetType().Name));
            throw;
        }
        finally
        {
            GatewayMetrics.AckDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, occupation);
        }
    }

    private Task<MarkOutcome> Enqueue(string contestKey, MarkSubmission submission)
    {
        var lane = _lanes.GetOrAdd(contestKey, _ => new Lane());
        var waiting = new Waiting(submission, new TaskCompletionSource<MarkOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (lane)
        {
            lane.Pending.Add(waiting);
            start = !lane.Sending;
            lane.Sending = true;
        }
        if (start)
            _ = Pump(contestKey, lane);
        return waiting.Outcome.Task;
    }

    private async Task Pump(string contestKey, Lane lane)
    {
        while (true)
        {
            List<Waiting> batch;
            lock (lane)
            {
                if (lane.Pending.Count == 0)
                {
                    lane.Sending = false;
                    return;
                }
                var take = Math.Min(lane.Pending.Count, MaxBatch);
                batch = lane.Pending.GetRange(0, take);
                lane.Pending.RemoveRange(0, take);
            }
            try
            {
                var outcomes = await cluster.Grains.GetGrain<IContestGrain>(contestKey)
                    .SubmitMarks([.. batch.Select(w => w.Submission)]);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Outcome.TrySetResult(outcomes[i]);
            }
            catch (Exception e)
            {
                foreach (var waiting in batch)
                    waiting.Outcome.TrySetException(e);
            }
        }
    }

    private sealed record Waiting(MarkSubmission Submission, TaskCompletionSource<MarkOutcome> Outcome);

    private sealed class Lane
    {
        public List<Waiting> Pending { get; } = [];
        public bool Sending { get; set; }
    }
}
