using System.Diagnostics;
using Orleans.Storage;

namespace Craftsman.Silo.Storage;

/// <summary>
/// Puts a span around every read, write and clear of the storage it wraps (a child of the grain
/// call that caused it) and records how long writes wait, without the storage knowing.
/// </summary>
public sealed class InstrumentedGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public IGrainStorage Inner => inner;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var activity = StorageTelemetry.Start("read", stateName, grainId);
        await Traced(activity, inner.ReadStateAsync(stateName, grainId, grainState));
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var activity = StorageTelemetry.Start("write", stateName, grainId);
        var started = Stopwatch.GetTimestamp();
        await Traced(activity, inner.WriteStateAsync(stateName, grainId, grainState));
        StorageTelemetry.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var activity = StorageTelemetry.Start("clear", stateName, grainId);
        await Traced(activity, inner.ClearStateAsync(stateName, grainId, grainState));
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static async Task Traced(Activity? activity, Task call)
    {
        try
        {
            await call;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }
}
