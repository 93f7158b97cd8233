using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Load;

/// <summary>
/// A worker process: holds up to 8,000 viewer connections (a process may hold only about 20,000
/// open files), connects them at a set pace, and answers the coordinator's commands on stdin with
/// JSON lines on stdout. It exits by itself at its deadline or when stdin closes.
/// </summary>
public sealed class ViewerWorker
{
    private const int HandshakesInFlight = 64;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lock StdoutGate = new();

    private readonly int _worker;
    private readonly Uri _url;
    private readonly string _hub;
    private readonly string _edition;
    private readonly string[] _occupations;
    private readonly int _count;
    private readonly int _offset;
    private readonly double _connectRate;
    private readonly bool _negotiate;
    private readonly TimeSpan _deadline;
    private readonly ReceiptBudget _budget;
    private readonly LatencyHistogram _bareLatency = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly List<Viewer> _viewers = [];
    private volatile bool _stopping;
    private int _connected;
    private int _failed;
    private int _dropped;

    private ViewerWorker(IReadOnlyDictionary<string, string> a)
    {
        _worker = int.Parse(a["worker"], CultureInfo.InvariantCulture);
        _url = LoadOptions.ParseLoopbackUrl(a["url"]);
        _hub = a["hub"];
        _edition = a["edition"];
        _occupations = a["occupations"].Split(',', StringSplitOptions.RemoveEmptyEntries);
        _count = int.Parse(a["count"], CultureInfo.InvariantCulture);
        _offset = int.Parse(a["offset"], CultureInfo.InvariantCulture);
        _connectRate = double.Parse(a["connect-rate"], CultureInfo.InvariantCulture);
        _negotiate = a.ContainsKey("negotiate");
        _deadline = TimeSpan.FromSeconds(int.Parse(a["deadline"], CultureInfo.InvariantCulture));
        _budget = new ReceiptBudget(long.Parse(a["max-receipts"], CultureInfo.InvariantCulture));
        if (_count is < 0 or > LoadOptions.MaxViewersPerWorker || _occupations.Length == 0 || _hub is not (Hubs.Live or Hubs.Bench))
            throw new ArgumentException("Bad worker arguments.");
    }

    private bool IsProduct => _hub == Hubs.Live;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                continue;
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            map[args[i][2..]] = hasValue ? args[++i] : "";
        }
        var worker = new ViewerWorker(map);
        using var lifetime = new CancellationTokenSource(worker._deadline);
        // The deadline is a hard stop: whatever is pending, the process ends and the OS closes its sockets.
        using var hardStop = lifetime.Token.Register(() =>
        {
            Log($"worker {worker._worker}: deadline reached, exiting");
            Environment.Exit(3);
        });
        return await worker.RunAsync(lifetime.Token);
    }

    private async Task<int> RunAsync(CancellationToken lifetime)
    {
        var commands = ReadCommands(lifetime);
        var started = Stopwatch.GetTimestamp();
        await ConnectAllAsync(started, lifetime);
        Send(Status("ready", Stopwatch.GetElapsedTime(started).TotalSeconds));

        await foreach (var line in commands.ReadAllAsync(lifetime))
        {
            var command = JsonSerializer.Deserialize<WorkerCommand>(line, WireJson.Options);
            switch (command?.Cmd)
            {
                case "report":
                    Send(await ReportAsync(command, lifetime));
                    break;
                case "stop":
                    await StopAsync();
                    Send(new WorkerMessage("stopped", _worker));
                    return 0;
                default:
                    Log($"worker {_worker}: unknown command '{line}'");
                    break;
            }
        }
        await StopAsync(); // stdin closed: the coordinator is gone
        return 0;
    }

    private async Task ConnectAllAsync(long started, CancellationToken lifetime)
    {
        using var handshakes = new SemaphoreSlim(HandshakesInFlight);
        var pending = new List<Task>(_count);
        var lastProgress = Stopwatch.GetTimestamp();
        for (var j = 0; j < _count; j++)
        {
            // Pace: connection j starts no earlier than j / rate seconds after the first.
            var due = TimeSpan.FromSeconds(j / _connectRate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
                await Task.Delay(due, lifetime);
            await handshakes.WaitAsync(lifetime);
            var global = _offset + j;
            var viewer = new Viewer(global, _occupations[global % _occupations.Length], _budget, _bareLatency);
            _viewers.Add(viewer);
            pending.Add(ConnectAsync(viewer, handshakes, lifetime));
            if (Stopwatch.GetElapsedTime(lastProgress) > TimeSpan.FromSeconds(5))
            {
                lastProgress = Stopwatch.GetTimestamp();
                Send(Status("progress", Stopwatch.GetElapsedTime(started).TotalSeconds));
            }
        }
        await Task.WhenAll(pending);
    }

    private async Task ConnectAsync(Viewer viewer, SemaphoreSlim handshakes, CancellationToken lifetime)
    {
        try
        {
            var connection = Hubs.Build(_url, _hub, _negotiate);
            viewer.Connection = connection;
            if (IsProduct)
                connection.On<BoardHead>("LeaderboardChanged", viewer.OnProductBoard);
            else
                connection.On<BoardHead>("LeaderboardChanged", viewer.OnBareBoard);
            connection.Closed += _ =>
            {
                if (!_stopping && viewer.Connected)
                {
                    viewer.Dropped = true;
                    Interlocked.Increment(ref _dropped);
                }
                return Task.CompletedTask;
            };

            using var step = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
            step.CancelAfter(StepTimeout);
            await connection.StartAsync(step.Token);
            if (IsProduct)
            {
                var board = await connection.InvokeAsync<BoardHead>("FollowOccupation", _edition, viewer.Occupation, step.Token);
                viewer.Followed(board.Version);
            }
            viewer.Connected = true;
            Interlocked.Increment(ref _connected);
        }
        catch (Exception e) when (e is not OperationCanceledException || !lifetime.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            _failures.AddOrUpdate(Reason(e), 1, (_, n) => n + 1);
            if (viewer.Connection is { } c)
                await c.DisposeAsync();
            viewer.Connection = null;
        }
        finally
        {
            handshakes.Release();
        }
    }

    private async Task<WorkerMessage> ReportAsync(WorkerCommand command, CancellationToken lifetime)
    {
        var targets = command.Targets ?? new Dictionary<string, long>();
        var drain = Stopwatch.StartNew();
        var complete = false;
        while (!complete && drain.Elapsed < TimeSpan.FromMilliseconds(command.DrainMs))
        {
            complete = _viewers.Where(v => v.Connected && !v.Dropped)
                .All(v => !targets.TryGetValue(IsProduct ? v.Occupation : "bare", out var t) || v.MaxVersion >= t);
            if (!complete)
                await Task.Delay(100, lifetime);
        }

        var latency = IsProduct ? new LatencyHistogram() : _bareLatency;
        long expected = 0, matched = 0, negative = 0;
        if (IsProduct)
        {
            var acks = (command.Acks ?? new Dictionary<string, long[][]>()).ToDictionary(
                kv => kv.Key,
                kv =>
                {
                    var sorted = kv.Value.Where(p => p.Length == 2).OrderBy(p => p[0]).ToArray();
                    return (Versions: sorted.Select(p => p[0]).ToArray(), Sent: sorted.Select(p => p[1]).ToArray());
                });
            foreach (var viewer in _viewers.Where(v => v.Connected))
            {
                if (!acks.TryGetValue(viewer.Occupation, out var marks))
                    continue;
                var (e, m, n) = viewer.Match(marks.Versions, marks.Sent, latency);
                expected += e;
                matched += m;
                negative += n;
            }
        }

        return Status("result", 0) with
        {
            BoardsReceived = _viewers.Sum(v => v.Boards),
            ForeignBoards = _viewers.Sum(v => v.Foreign),
            SnapshotsNeeded = _viewers.Sum(v => v.SnapshotsNeeded),
            PairsExpected = expected,
            PairsMatched = matched,
            NegativeLatencies = negative,
            ReceiptsUntracked = _budget.Refused,
            BareMeasured = _viewers.Sum(v => v.BareMeasured),
            DrainComplete = complete,
            Latency = latency.ToData(),
        };
    }

    private async Task StopAsync()
    {
        _stopping = true;
        using var closing = new SemaphoreSlim(256);
        var stopBy = Stopwatch.StartNew();
        await Task.WhenAll(_viewers.Where(v => v.Connection is not null).Select(async v =>
        {
            if (!await closing.WaitAsync(TimeSpan.FromSeconds(60)))
                return;
            try
            {
                if (stopBy.Elapsed < TimeSpan.FromSeconds(60))
                    await v.Connection!.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
                await v.Connection!.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception)
            {
                // closing anyway; the process is about to end
            }
            finally
            {
                closing.Release();
            }
        }));
    }

    private WorkerMessage Status(string type, double seconds) => new(
        type, _worker,
        Attempted: _viewers.Count,
        Connected: Volatile.Read(ref _connected),
        Failed: Volatile.Read(ref _failed),
        Held: _viewers.Count(v => v.Connected && v.Connection?.State == HubConnectionState.Connected),
        Dropped: Volatile.Read(ref _dropped),
        Failures: new Dictionary<string, int>(_failures),
        ConnectSeconds: seconds,
        CpuSeconds: CpuSeconds());

    private static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    private static ChannelReader<string> ReadCommands(CancellationToken lifetime)
    {
        var channel = Channel.CreateUnbounded<string>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await Console.In.ReadLineAsync(lifetime) is { } line)
                {
                    if (!string.IsNullOrWhiteSpace(line))
                        await channel.Writer.WriteAsync(line, lifetime);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, lifetime);
        return channel.Reader;
    }

    private static string Reason(Exception e)
    {
        var reason = e switch
        {
            OperationCanceledException => "timeout",
            HttpRequestException { StatusCode: { } status } => $"http {(int)status}",
            HubException => $"hub: {e.Message}",
            _ when e.InnerException is { } inner => $"{e.GetType().Name}: {inner.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return reason.Length > 120 ? reason[..120] : reason;
    }

    private static void Send(WorkerMessage message)
    {
        var line = JsonSerializer.Serialize(message, WireJson.Options);
        lock (StdoutGate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    private static void Log(string text) => Console.Error.WriteLine(text);
}
