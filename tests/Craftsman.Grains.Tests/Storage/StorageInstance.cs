using Craftsman.Silo.Storage;

namespace Craftsman.Grains.Tests.Storage;

/// <summary>One storage instance and the silo lifecycle that starts and stops it.</summary>
internal sealed class StorageInstance(SqliteGrainStorage storage, SiloLifecycleSubject lifecycle)
{
    private bool _stopped;

    public SqliteGrainStorage Storage { get; } = storage;

    public Task StartAsync() => lifecycle.OnStart();

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await lifecycle.OnStop();
    }
}
