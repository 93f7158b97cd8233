using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace Craftsman.Load;

/// <summary>
/// The coordinator's handle on its viewer processes: copies of this executable started with
/// "worker", each holding a share of the viewers. Only processes it started are ever killed, and
/// only through their own <see cref="Process"/> objects.
/// </summary>
public sealed class WorkerPool : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers;

    private WorkerPool(List<WorkerProcess> workers) => _workers = workers;

    public int Count => _workers.Count;

    /// <param name="hub">Hubs.Live or Hubs.Bench.</param>
    /// <param name="budget">How long the workers may live at most; they exit by themselves after it.</param>
    public static WorkerPool Start(LoadOptions o, string hub, IReadOnlyList<string> occupations, TimeSpan budget)
    {
        var workers = new List<WorkerProcess>();
        var offset = 0;
        for (var w = 0; w < o.Workers; w++)
        {
            var count = o.Viewers / o.Workers + (w < o.Viewers % o.Workers ? 1 : 0);
            if (count == 0)
                continue;
            var args = new List<string>
            {
                "worker",
                "--worker", (w + 1).ToString(CultureInfo.InvariantCulture),
                "--url", o.Url.ToString(),
                "--hub", hub,
                "--edition", o.Edition,
                "--occupations", string.Join(',', occupations),
                "--count", count.ToString(CultureInfo.InvariantCulture),
                "--offset", offset.ToString(CultureInfo.InvariantCulture),
                "--connect-rate", (o.ConnectRate / o.Workers).ToString("R", CultureInfo.InvariantCulture),
                "--deadline", ((int)budget.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                // About 16 bytes per receipt: 4 million is 64 MB per worker at most.
                "--max-receipts", "4000000",
            };
            if (o.Negotiate)
                args.Add("--negotiate");
            workers.Add(WorkerProcess.Start(w + 1, args));
            offset += count;
        }
        return new WorkerPool(workers);
    }

    /// <summary>Waits for every worker's "ready" (all its connections attempted), logging their progress.</summary>
    public Task<IReadOnlyList<WorkerMessage>> WaitReadyAsync(TimeSpan timeout, CancellationToken cancel) =>
        CollectAsync("ready", timeout, cancel);

    public async Task<IReadOnlyList<WorkerMessage>> ReportAsync(WorkerCommand command, TimeSpan timeout, CancellationToken cancel)
    {
        var line = JsonSerializer.Serialize(command, WireJson.Options);
        foreach (var worker in _workers)
            await worker.SendAsync(line);
        return await CollectAsync("result", timeout, cancel);
    }

    public async Task StopAsync(TimeSpan timeout)
    {
        var line = JsonSerializer.Serialize(new WorkerCommand("stop"), WireJson.Options);
        foreach (var worker in _workers)
            await worker.SendAsync(line);
        await Task.WhenAll(_workers.Select(w => w.WaitForExitAsync(timeout)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
            await worker.DisposeAsync();
    }

    private async Task<IReadOnlyList<WorkerMessage>> CollectAsync(string type, TimeSpan timeout, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        var results = await Task.WhenAll(_workers.Select(w => w.ReadUntilAsync(type, limit.Token)));
        return results.OfType<WorkerMessage>().ToList();
    }

    private sealed class WorkerProcess : IAsyncDisposable
    {
        private readonly int _id;
        private readonly Process _process;
        private readonly Channel<WorkerMessage> _messages = Channel.CreateUnbounded<WorkerMessage>();
        private readonly Task _stdout;
        private readonly Task _stderr;

        private WorkerProcess(int id, Process process)
        {
            _id = id;
            _process = process;
            _stdout = Task.Run(PumpStdoutAsync);
            _stderr = Task.Run(PumpStderrAsync);
        }

        public static WorkerProcess Start(int id, IReadOnlyList<string> args)
        {
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this executable to start workers.");
            var info = new ProcessStartInfo
            {
                FileName = self,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // Run as "dotnet Craftsman.Load.dll": the workers need the assembly path too.
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                info.ArgumentList.Add(typeof(WorkerPool).Assembly.Location);
            foreach (var arg in args)
                info.ArgumentList.Add(arg);
            var process = Process.Start(info) ?? throw new InvalidOperationException("A worker process did not start.");
            return new WorkerProcess(id, process);
        }

        public async Task SendAsync(string line)
        {
            try
            {
                await _process.StandardInput.WriteLineAsync(line);
                await _process.StandardInput.FlushAsync();
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"[w{_id}] cannot send a command: {e.Message}");
            }
        }

        public async Task<WorkerMessage?> ReadUntilAsync(string type, CancellationToken cancel)
        {
            try
            {
                await foreach (var message in _messages.Reader.ReadAllAsync(cancel))
                {
                    if (message.Type == type)
                        return message;
                    if (message.Type == "progress")
                        Console.Error.WriteLine($"[w{_id}] {message.Connected} connected, {message.Failed} failed of {message.Attempted} after {message.ConnectSeconds:F0} s");
                }
                Console.Error.WriteLine($"[w{_id}] ended before '{type}' (exit code {(_process.HasExited ? _process.ExitCode : -1)})");
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"[w{_id}] no '{type}' in time");
            }
            return null;
        }

        public async Task WaitForExitAsync(TimeSpan timeout)
        {
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"[w{_id}] did not exit in time; killing it");
                Kill();
            }
        }

        public async ValueTask DisposeAsync()
        {
            Kill();
            try
            {
                await Task.WhenAll(_stdout, _stderr).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                // the pipes close with the process; nothing more to read
            }
            _process.Dispose();
        }

        private void Kill()
        {
            try
            {
                if (!_process.HasExited)
                    _process.Kill(entireProcessTree: false);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }

        private async Task PumpStdoutAsync()
        {
            try
            {
                while (await _process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (!line.StartsWith('{'))
                        continue;
                    WorkerMessage? message;
                    try
                    {
                        message = JsonSerializer.Deserialize<WorkerMessage>(line, WireJson.Options);
                    }
                    catch (JsonException)
                    {
                        Console.Error.WriteLine($"[w{_id}] unreadable line: {line[..Math.Min(line.Length, 200)]}");
                        continue;
                    }
                    if (message is not null)
                        _messages.Writer.TryWrite(message);
                }
            }
            finally
            {
                _messages.Writer.TryComplete();
            }
        }

        private async Task PumpStderrAsync()
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
                Console.Error.WriteLine($"[w{_id}] {line}");
        }
    }
}
