using Craftsman.Failover.Api;

namespace Craftsman.Failover.Viewing;

/// <summary>Viewers spread over occupations and gateways, and the check that each ends on the server's final version.</summary>
public sealed class ViewerCrowd(GatewayApi api) : IAsyncDisposable
{
    private readonly List<Viewer> _viewers = [];

    public IReadOnlyList<Viewer> Viewers => _viewers;

    /// <summary>Starts <paramref name="count"/> viewers round-robin over the occupations; <paramref name="gatewayOf"/> picks each one's gateway.</summary>
    public async Task StartAsync(int count, IReadOnlyList<string> occupations, Func<int, int> gatewayOf, CancellationToken cancel)
    {
        for (var i = 0; i < count; i++)
            _viewers.Add(new Viewer(i, api.Edition, occupations[i % occupations.Count], api.Gateways, gatewayOf(i)));
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(_viewers.Select(async v =>
        {
            await gate.WaitAsync(cancel);
            try
            {
                await v.StartAsync(cancel);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// Reads each occupation's final version (REST), then waits (bounded) until every viewer shows it.
    /// Returns the final versions and how long convergence took.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, long> Final, TimeSpan Waited)> ConvergeAsync(TimeSpan budget, CancellationToken cancel)
    {
        var started = RunClock.Now;
        var final = await FinalVersionsAsync(cancel);
        var reread = started + TimeSpan.FromSeconds(5);
        while (RunClock.Now - started < budget && _viewers.Any(v => v.Shown != final[v.Occupation]))
        {
            await Task.Delay(250, cancel);
            // A contest that reactivated may have moved its version once more (it reconciles its
            // scores on activation); read again now and then rather than wait for a stale number.
            if (RunClock.Now >= reread)
            {
                final = await FinalVersionsAsync(cancel);
                reread = RunClock.Now + TimeSpan.FromSeconds(5);
            }
        }
        return (final, RunClock.Now - started);
    }

    private async Task<Dictionary<string, long>> FinalVersionsAsync(CancellationToken cancel)
    {
        var final = new Dictionary<string, long>();
        foreach (var occupation in _viewers.Select(v => v.Occupation).Distinct())
        {
            var board = await api.RetryAsync($"leaderboard of {occupation}", HttpMethod.Get,
                $"{api.EditionPath}/occupations/{Uri.EscapeDataString(occupation)}/leaderboard", null, null, TimeSpan.FromSeconds(60), cancel);
            final[occupation] = board.Long("version");
        }
        return final;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var viewer in _viewers)
            await viewer.DisposeAsync();
    }
}
