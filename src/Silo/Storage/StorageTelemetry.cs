using System.Diagnostics;
using System.Diagnostics.Metrics;
using Craftsman.Hosting.Telemetry;

namespace Craftsman.Silo.Storage;

/// <summary>What the grain storage records: a span per write, and how long commits take and how many writes each carries.</summary>
public static class StorageTelemetry
{
    /// <summary>One group commit of the SQLite writer (or one ADO.NET write), from its start to durable.</summary>
    public static readonly Histogram<double> CommitDuration = CraftsmanTelemetry.Meter.CreateHistogram<double>(
        "craftsman.storage.commit.duration", "s", "How long one durable commit of grain state takes.");

    /// <summary>Writes per commit: the group commit's gain, one fsync for this many writes.</summary>
    public static readonly Histogram<int> BatchSize = CraftsmanTelemetry.Meter.CreateHistogram<int>(
        "craftsman.storage.commit.batch_size", "{write}", "How many grain writes one commit carries.");

    /// <summary>A grain's write as its caller waits for it: queueing plus commit.</summary>
    public static readonly Histogram<double> WriteDuration = CraftsmanTelemetry.Meter.CreateHistogram<double>(
        "craftsman.storage.write.duration", "s", "How long a grain waits for its state write to be durable.");

    /// <summary>A ledger's read or append (a write): the same span names as grain state, tagged with the ledger.</summary>
    public static Activity? StartLedger(string operation, string ledgerId)
    {
        var activity = CraftsmanTelemetry.Source.StartActivity($"storage {operation} ledger", ActivityKind.Client);
        activity?.SetTag("craftsman.storage.ledger", ledgerId);
        return activity;
    }

    public static Activity? Start(string operation, string stateName, GrainId grainId)
    {
        var activity = CraftsmanTelemetry.Source.StartActivity($"storage {operation} {stateName}", ActivityKind.Client);
        activity?.SetTag("craftsman.storage.state", stateName);
        activity?.SetTag("craftsman.storage.grain", grainId.ToString());
        return activity;
    }
}
