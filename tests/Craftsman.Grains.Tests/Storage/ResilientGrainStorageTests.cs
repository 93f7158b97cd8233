using Craftsman.Contracts.Errors;
using Craftsman.Silo.Storage;
using Orleans.Storage;

namespace Craftsman.Grains.Tests.Storage;

public sealed class ResilientGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("contest", "2020/cnc-lathe");

    // Far beyond any configured timeout: only a missing timeout makes a test wait this long, and then it fails.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadIsRetriedThroughABriefOutage()
    {
        var inner = new FlakyStorage(failuresBeforeSuccess: 2);
        var storage = new ResilientGrainStorage(inner, new ResilientGrainStorageOptions());

        await storage.ReadStateAsync("contest", Grain, new GrainState<StorageTestState>());

        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task FailedWriteIsNotRetriedAndSurfacesAsRetryableStorageError()
    {
        var inner = new FlakyStorage(failuresBeforeSuccess: 1);
        var storage = new ResilientGrainStorage(inner, new ResilientGrainStorageOptions());

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.WriteStateAsync("contest", Grain, new GrainState<StorageTestState>()));

        Assert.Equal(1, inner.Calls);
        // Only text crosses a grain call: the driver's exception has no codec.
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task VersionConflictPassesThroughUnchanged()
    {
        var inner = new FlakyStorage(failuresBeforeSuccess: 1, failure: () => new InconsistentStateException("stale", "1", "2"));
        var storage = new ResilientGrainStorage(inner, new ResilientGrainStorageOptions());

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("contest", Grain, new GrainState<StorageTestState>()));
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownCallsFailFastWithoutReachingIt()
    {
        var inner = new FlakyStorage(failuresBeforeSuccess: int.MaxValue);
        var storage = new ResilientGrainStorage(inner, new ResilientGrainStorageOptions { BreakDuration = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync("contest", Grain, new GrainState<StorageTestState>()));
        var callsWhenOpen = inner.Calls;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteStateAsync("contest", Grain, new GrainState<StorageTestState>()));

        Assert.Equal(callsWhenOpen, inner.Calls);
    }

    [Fact]
    public async Task WriteThatNeverAnswersEndsAtTheTimeoutWithRetryableStorageError()
    {
        var storage = new ResilientGrainStorage(new SilentStorage(), new ResilientGrainStorageOptions { Timeout = TimeSpan.FromMilliseconds(100) });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.WriteStateAsync("contest", Grain, new GrainState<StorageTestState>()).WaitAsync(Patience));

        Assert.Contains("did not answer the write", error.Message);
    }

    [Fact]
    public async Task ReadThatNeverAnswersEndsAfterItsRetriesWithRetryableStorageError()
    {
        var inner = new SilentStorage();
        var storage = new ResilientGrainStorage(inner, new ResilientGrainStorageOptions { Timeout = TimeSpan.FromMilliseconds(50), ReadRetries = 2 });

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            storage.ReadStateAsync("contest", Grain, new GrainState<StorageTestState>()).WaitAsync(Patience));

        Assert.Contains("did not answer the read", error.Message);
        Assert.Equal(3, inner.Calls);
    }

    /// <summary>A database that takes every call and never answers.</summary>
    private sealed class SilentStorage : IGrainStorage
    {
        private int _calls;

        public int Calls => _calls;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Never();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Never();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Never();

        private Task Never()
        {
            Interlocked.Increment(ref _calls);
            return new TaskCompletionSource().Task;
        }
    }

    private sealed class FlakyStorage(int failuresBeforeSuccess, Func<Exception>? failure = null) : IGrainStorage
    {
        public int Calls { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Next();

        private Task Next() =>
            ++Calls <= failuresBeforeSuccess
                ? Task.FromException(failure?.Invoke() ?? new IOException("connection refused"))
                : Task.CompletedTask;
    }
}
