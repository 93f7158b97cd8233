using Craftsman.Failover.Api;

namespace Craftsman.Failover.Faults;

/// <summary>Polls every gateway's /health once a second during a drill and keeps the changes.</summary>
public sealed class HealthWatch(GatewayApi api) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TimeSpan At, int Gateway, int Status)> _changes = [];
    private Task? _loop;

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var last = new int[api.Gateways.Count];
        Array.Fill(last, -1);
        while (!_stop.IsCancellationRequested)
        {
            var statuses = await Task.WhenAll(api.Gateways.Select(g => api.HealthAsync(g, CancellationToken.None)));
            lock (_changes)
            {
                for (var i = 0; i < statuses.Length; i++)
                {
                    if (statuses[i] != last[i])
                        _changes.Add((RunClock.Now, i, statuses[i]));
                    last[i] = statuses[i];
                }
            }
            try
            {
                await Task.Delay(1000, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>"gw1 200 → 503 at +2.1s → 200 at +19.0s" per gateway, times relative to <paramref name="origin"/>.</summary>
    public IReadOnlyList<string> Describe(TimeSpan origin)
    {
        lock (_changes)
        {
            return [.. _changes.GroupBy(c => c.Gateway).OrderBy(g => g.Key).Select(g =>
                $"gateway{g.Key + 1}: " + string.Join(" → ", g.Select((c, i) => i == 0
                    ? Status(c.Status)
                    : $"{Status(c.Status)} at {Report.Seconds(c.At - origin)}")))];
        }
    }

    private static string Status(int status) => status == 0 ? "down" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
            await _loop;
        _stop.Dispose();
    }
}
