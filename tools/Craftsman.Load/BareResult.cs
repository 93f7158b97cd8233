namespace Craftsman.Load;

/// <summary>
/// The sender's side of a bare run: broadcasts asked for (the last sequence number) and after the
/// warm-up. Unconfirmed broadcasts were still running on the hub after 30 s (it works through one
/// sender's invocations one at a time, so a slow fan-out queues the next); they may still arrive.
/// </summary>
public sealed record BareResult(double Rate, long LastSequence, long Measured, long Skipped, long Failed, long Unconfirmed, int PayloadBytes, double SendingSeconds);
