using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Load;

/// <summary>
/// The sender of the bare run: one connection to /hubs/bench that asks the hub to broadcast the
/// board at the set rate, open loop. Each payload carries its sequence number (as the board's
/// version), the send time and whether it is still warm-up, so the viewers time it themselves.
/// </summary>
public sealed class BareBroadcaster(LoadOptions o, JsonObject template)
{
    public async Task<BareResult> RunAsync(CancellationToken cancel)
    {
        await using var sender = Hubs.Build(o.Url, Hubs.Bench, o.Negotiate);
        sender.On<BoardHead>("LeaderboardChanged", _ => { }); // it is one of "all" too
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            await sender.StartAsync(limit.Token);
        }

        var board = (JsonObject)template.DeepClone();
        long seq = 0, measured = 0, failed = 0, unconfirmed = 0, skipped = 0;
        var inFlight = 0;
        var payloadBytes = 0;
        var rate = o.EffectiveBareRate;
        var measuredFrom = TimeSpan.FromSeconds(o.WarmupSeconds);
        var end = measuredFrom + TimeSpan.FromSeconds(o.DurationSeconds);
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (await timer.WaitForNextTickAsync(cancel))
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= end)
                break;
            for (var due = (long)(rate * elapsed.TotalSeconds) - seq; due > 0; due--)
            {
                seq++;
                if (Volatile.Read(ref inFlight) >= 1_000)
                {
                    skipped++;
                    continue;
                }
                var warmup = elapsed < measuredFrom;
                if (!warmup)
                    measured++;
                board["version"] = seq;
                board["warmup"] = warmup;
                board["sentAtUs"] = UnixClock.NowUs;
                var payload = JsonSerializer.SerializeToElement(board);
                payloadBytes = System.Text.Encoding.UTF8.GetByteCount(payload.GetRawText());
                Interlocked.Increment(ref inFlight);
                _ = BroadcastAsync(sender, payload);
            }
        }

        var sendingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var drain = Stopwatch.StartNew();
        while (Volatile.Read(ref inFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20, cancel);
        return new BareResult(rate, seq, measured, skipped, Interlocked.Read(ref failed), Interlocked.Read(ref unconfirmed), payloadBytes, sendingSeconds);

        async Task BroadcastAsync(HubConnection connection, JsonElement payload)
        {
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await connection.InvokeAsync("Broadcast", payload, limit.Token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref unconfirmed);
            }
            catch (Exception e)
            {
                if (Interlocked.Increment(ref failed) == 1)
                    Console.Error.WriteLine($"bare broadcast failed: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
