using Craftsman.Contracts.Contests;
using Craftsman.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Craftsman.Gateway.Tests.Support;

/// <summary>
/// Wraps the silo's real grain storage and its ledger store so a test can make writes and appends
/// hang (as a database that takes the commit and never answers) and let them through again. Reads
/// always pass.
/// </summary>
public sealed class StorageFault
{
    private readonly object _gate = new();
    private TaskCompletionSource? _held;

    /// <summary>From now on every write waits until <see cref="Release"/>.</summary>
    public void HoldWrites()
    {
        lock (_gate)
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets the held writes (and every later one) go on to the real storage.</summary>
    public void Release()
    {
        TaskCompletionSource? held;
        lock (_gate)
            (held, _held) = (_held, null);
        held?.TrySetResult();
    }

    /// <summary>Puts this fault between the grains and the storage registered under <paramref name="name"/>.</summary>
    public void Install(IServiceCollection services, string name)
    {
        var original = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        var factory = original.KeyedImplementationFactory!;
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => new Wrapper((IGrainStorage)factory(sp, key), this));
        // A round's marks are appended to its ledger: the one write on an acknowledgement's path.
        var ledger = services.Single(d => d.ServiceType == typeof(ILedgerStore));
        var ledgerFactory = ledger.ImplementationFactory!;
        services.Remove(ledger);
        services.AddSingleton<ILedgerStore>(sp => new LedgerWrapper((ILedgerStore)ledgerFactory(sp), this));
    }

    private Task Gate()
    {
        lock (_gate)
            return _held?.Task ?? Task.CompletedTask;
    }

    private sealed class LedgerWrapper(ILedgerStore inner, StorageFault fault) : ILedgerStore
    {
        public Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(ledgerId, cancellationToken);

        public async Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
        {
            await fault.Gate();
            await inner.AppendAsync(ledgerId, after, entries, cancellationToken);
        }
    }

    // Forwards the silo lifecycle too: the real storage opens its database there.
    private sealed class Wrapper(IGrainStorage inner, StorageFault fault) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await fault.Gate();
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await fault.Gate();
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
