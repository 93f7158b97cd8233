using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Load;

/// <summary>
/// The judges' side of the product run: one judging-hub connection per signed-in judge, marks sent
/// open-loop at the total rate (round-robin over the judges, so a slow answer never slows the
/// sending), each timed from send to acknowledgement. Marks sent after the warm-up are measured;
/// their (occupation, version, send time) is what the viewers' boards are matched against.
/// </summary>
public sealed class JudgeLoad(LoadOptions o, IReadOnlyList<JudgeSeat> seats) : IAsyncDisposable
{
    private readonly List<(JudgeSeat Seat, HubConnection Connection)> _judges = [];
    private readonly LatencyHistogram _ackLatency = new();
    private readonly ConcurrentDictionary<string, int> _rejections = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<string, long> _lastVersion = new();
    private readonly ConcurrentQueue<(string Occupation, long Version, long SentUs)> _measured = new();
    private long _sent;
    private long _sentMeasured;
    private long _skipped;
    private long _accepted;
    private long _acceptedMeasured;
    private long _ackedInWindow;
    private long _windowStartUs;
    private long _windowEndUs;
    private long _corrections;
    private long _rejected;
    private long _failed;
    private long _timeouts;
    private int _inFlight;
    private int _dropped;
    private int _connectFailures;

    public async Task ConnectAsync(CancellationToken cancel)
    {
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(seats.Select(async seat =>
        {
            await gate.WaitAsync(cancel);
            var connection = Hubs.Build(o.Url, Hubs.Judging, o.Negotiate, () => Task.FromResult<string?>(seat.Token));
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                limit.CancelAfter(TimeSpan.FromSeconds(30));
                await connection.StartAsync(limit.Token);
                connection.Closed += _ =>
                {
                    Interlocked.Increment(ref _dropped);
                    return Task.CompletedTask;
                };
                lock (_judges)
                    _judges.Add((seat, connection));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                Interlocked.Increment(ref _connectFailures);
                _errors.AddOrUpdate($"connect: {Short(e)}", 1, (_, n) => n + 1);
                await connection.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        Console.Error.WriteLine($"judges: {_judges.Count} connected, {_connectFailures} failed");
    }

    /// <summary>Sends marks for warm-up + duration seconds, then waits (bounded) for the last answers.</summary>
    public async Task<JudgeResult> RunAsync(CancellationToken cancel)
    {
        var measuredFrom = TimeSpan.FromSeconds(o.WarmupSeconds);
        var end = measuredFrom + TimeSpan.FromSeconds(o.DurationSeconds);
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref _windowStartUs, UnixClock.NowUs + (long)measuredFrom.TotalMicroseconds);
        Volatile.Write(ref _windowEndUs, UnixClock.NowUs + (long)end.TotalMicroseconds);
        var next = 0;
        if (_judges.Count > 0 && o.Rate > 0)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            long issued = 0;
            while (await timer.WaitForNextTickAsync(cancel))
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed >= end)
                    break;
                var due = (long)(o.Rate * elapsed.TotalSeconds) - issued;
                for (; due > 0; due--, issued++)
                {
                    if (Volatile.Read(ref _inFlight) >= o.MaxInFlight)
                    {
                        Interlocked.Increment(ref _skipped);
                        continue;
                    }
                    Interlocked.Increment(ref _inFlight);
                    var (seat, connection) = _judges[next++ % _judges.Count];
                    _ = SubmitAsync(seat, connection, measured: elapsed >= measuredFrom);
                }
            }
        }
        var sendingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var drain = Stopwatch.StartNew();
        while (Volatile.Read(ref _inFlight) > 0 && drain.Elapsed < TimeSpan.FromSeconds(o.MarkTimeoutSeconds + 5))
            await Task.Delay(20, cancel);

        return new JudgeResult(
            JudgesConnected: _judges.Count,
            JudgeConnectFailures: _connectFailures,
            JudgesDropped: Volatile.Read(ref _dropped),
            SendingSeconds: sendingSeconds,
            MeasuredSeconds: o.DurationSeconds,
            Sent: Interlocked.Read(ref _sent),
            SentMeasured: Interlocked.Read(ref _sentMeasured),
            Skipped: Interlocked.Read(ref _skipped),
            Accepted: Interlocked.Read(ref _accepted),
            AcceptedMeasured: Interlocked.Read(ref _acceptedMeasured),
            Corrections: Interlocked.Read(ref _corrections),
            Rejected: Interlocked.Read(ref _rejected),
            Failed: Interlocked.Read(ref _failed),
            TimedOut: Interlocked.Read(ref _timeouts),
            StillPending: Volatile.Read(ref _inFlight),
            AckedPerSecond: Interlocked.Read(ref _acceptedMeasured) / (double)Math.Max(1, o.DurationSeconds),
            AckedInWindowPerSecond: Interlocked.Read(ref _ackedInWindow) / (double)Math.Max(1, o.DurationSeconds),
            AckLatency: _ackLatency.Stats(),
            Rejections: new Dictionary<string, int>(_rejections),
            Errors: new Dictionary<string, int>(_errors));
    }

    /// <summary>The measured accepted marks per occupation as [version, sent µs], for the workers to match.</summary>
    public IReadOnlyDictionary<string, long[][]> MeasuredAcks() =>
        _measured.GroupBy(m => m.Occupation).ToDictionary(g => g.Key, g => g.Select(m => new[] { m.Version, m.SentUs }).ToArray());

    /// <summary>The highest acknowledged version per occupation: the board every viewer should reach.</summary>
    public IReadOnlyDictionary<string, long> Targets() => new Dictionary<string, long>(_lastVersion);

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, connection) in _judges)
        {
            try
            {
                await connection.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                // the process ends soon; the socket closes with it
            }
        }
    }

    private async Task SubmitAsync(JudgeSeat seat, HubConnection connection, bool measured)
    {
        try
        {
            var occupation = seat.Occupation;
            var criterion = occupation.Criteria[Random.Shared.Next(occupation.Criteria.Count)];
            var mark = new MarkSubmission(
                occupation.Code,
                Guid.NewGuid().ToString("N"),
                occupation.ContestantIds[Random.Shared.Next(occupation.ContestantIds.Count)],
                criterion.Id,
                criterion.RandomValue());
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(o.MarkTimeoutSeconds));
            Interlocked.Increment(ref _sent);
            if (measured)
                Interlocked.Increment(ref _sentMeasured);
            var sentUs = UnixClock.NowUs;
            var outcome = await connection.InvokeAsync<MarkOutcome>("SubmitMark", mark, limit.Token);
            var ackUs = UnixClock.NowUs;
            // Counted by when the answer came, whichever mark it answers: what the server really
            // acknowledged per second while loaded, not what it caught up on after the sending stopped.
            if (outcome.Accepted && ackUs >= Volatile.Read(ref _windowStartUs) && ackUs < Volatile.Read(ref _windowEndUs))
                Interlocked.Increment(ref _ackedInWindow);
            if (!outcome.Accepted)
            {
                Interlocked.Increment(ref _rejected);
                _rejections.AddOrUpdate(outcome.RejectionCode, 1, (_, n) => n + 1);
                return;
            }
            Interlocked.Increment(ref _accepted);
            if (outcome.Version is not { } version)
            {
                _errors.AddOrUpdate("accepted without a version", 1, (_, n) => n + 1);
                return;
            }
            if (outcome.IsCorrection)
                Interlocked.Increment(ref _corrections);
            _lastVersion.AddOrUpdate(occupation.Code, version, (_, v) => Math.Max(v, version));
            if (measured)
            {
                Interlocked.Increment(ref _acceptedMeasured);
                _ackLatency.Record(ackUs - sentUs);
                _measured.Enqueue((occupation.Code, version, sentUs));
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _timeouts);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _failed);
            _errors.AddOrUpdate(Short(e), 1, (_, n) => n + 1);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static string Short(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length > 120 ? text[..120] : text;
    }
}
