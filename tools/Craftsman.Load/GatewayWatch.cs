namespace Craftsman.Load;

/// <summary>Samples the gateway's memory every two seconds during a load phase and keeps the peak.</summary>
public sealed class GatewayWatch : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task<MemorySample?> _loop;

    private GatewayWatch(GatewayApi api, string label, CancellationToken cancel)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _loop = Task.Run(async () =>
        {
            MemorySample? peak = null;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var sample = await api.SampleAsync(label, _stop.Token);
                    if (sample.WorkingSetBytes > (peak?.WorkingSetBytes ?? -1))
                        peak = sample;
                    await Task.Delay(TimeSpan.FromSeconds(2), _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            return peak;
        });
    }

    public static GatewayWatch Start(GatewayApi api, string label, CancellationToken cancel) => new(api, label, cancel);

    public async Task<MemorySample?> StopAsync()
    {
        await _stop.CancelAsync();
        return await _loop;
    }

    public void Dispose() => _stop.Dispose();
}
