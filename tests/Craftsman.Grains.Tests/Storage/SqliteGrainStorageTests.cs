using Orleans.Storage;
using static Craftsman.Grains.Tests.Storage.TemporaryStore;

namespace Craftsman.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private readonly TemporaryStore _store = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task WrittenStateReadsBackWithItsETag()
    {
        var storage = await _store.StartAsync();
        var grainId = GrainId("round-trip");
        var written = State("hello", 42);

        await storage.WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync(storage, grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(new StorageTestState("hello", 42), read.State);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task StartCreatesTheDatabaseInWalMode()
    {
        await _store.StartAsync();

        Assert.True(File.Exists(_store.DatabasePath));
        Assert.Equal("wal", _store.Execute("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task MissingRowReadsAsDefaultStateWithoutETag()
    {
        var storage = await _store.StartAsync();

        var read = await ReadAsync(storage, GrainId("never-written"));

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task WriteWithStaleETagIsRejectedAndLeavesTheStoredValue()
    {
        var storage = await _store.StartAsync();
        var grainId = GrainId("stale");
        var current = State("first", 1);
        await storage.WriteStateAsync(StateName, grainId, current);
        var stale = State("stale", 99, etag: current.ETag);
        current.State = new StorageTestState("second", 2);
        await storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, State("no etag", 0)));

        var read = await ReadAsync(storage, grainId);
        Assert.Equal(new StorageTestState("second", 2), read.State);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task ConcurrentWritesFromManyGrainsAllSurviveARestart()
    {
        const int grains = 200;
        var first = _store.Create();
        await first.StartAsync();
        var states = Enumerable.Range(0, grains).Select(i => State($"grain {i}", i)).ToArray();

        await Task.WhenAll(states.Select((state, i) => first.Storage.WriteStateAsync(StateName, GrainId($"many-{i}"), state)));
        await first.StopAsync();

        var reopened = await _store.StartAsync();
        for (var i = 0; i < grains; i++)
        {
            var read = await ReadAsync(reopened, GrainId($"many-{i}"));
            Assert.Equal(new StorageTestState($"grain {i}", i), read.State);
            Assert.Equal(states[i].ETag, read.ETag);
        }
    }

    [Fact]
    public async Task StaleRequestInABatchDoesNotStopTheOthersCommitting()
    {
        var seeding = _store.Create();
        await seeding.StartAsync();
        var contested = State("stored", 1);
        await seeding.Storage.WriteStateAsync(StateName, GrainId("contested"), contested);
        await seeding.StopAsync();

        // Requests made before the silo starts wait in the queue, so all three form the first batch.
        var instance = _store.Create();
        var before = instance.Storage.WriteStateAsync(StateName, GrainId("batch-before"), State("before", 2));
        var stale = instance.Storage.WriteStateAsync(StateName, GrainId("contested"), State("stale", 3, etag: "not-the-stored-etag"));
        var after = instance.Storage.WriteStateAsync(StateName, GrainId("batch-after"), State("after", 4));
        await instance.StartAsync();

        await before;
        await after;
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        await instance.StopAsync();
        var reopened = await _store.StartAsync();
        Assert.Equal(new StorageTestState("before", 2), (await ReadAsync(reopened, GrainId("batch-before"))).State);
        Assert.Equal(new StorageTestState("after", 4), (await ReadAsync(reopened, GrainId("batch-after"))).State);
        Assert.Equal(new StorageTestState("stored", 1), (await ReadAsync(reopened, GrainId("contested"))).State);
    }

    [Fact]
    public async Task ClearRemovesTheRowAndResetsTheState()
    {
        var storage = await _store.StartAsync();
        var grainId = GrainId("cleared");
        var state = State("doomed", 7);
        await storage.WriteStateAsync(StateName, grainId, state);
        var etagBeforeClear = state.ETag;

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotEqual(new StorageTestState("doomed", 7), state.State);
        var read = await ReadAsync(storage, grainId);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);

        // The ETag an older activation may still hold must not come back with the row.
        state.State = new StorageTestState("reborn", 8);
        await storage.WriteStateAsync(StateName, grainId, state);
        Assert.NotEqual(etagBeforeClear, state.ETag);
    }

    [Fact]
    public async Task ClearWithStaleETagIsRejectedAndKeepsTheRow()
    {
        var storage = await _store.StartAsync();
        var grainId = GrainId("clear-stale");
        await storage.WriteStateAsync(StateName, grainId, State("kept", 5));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, State("kept", 5, etag: "not-the-stored-etag")));

        Assert.True((await ReadAsync(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task WritesQueuedAtStopAreCommittedBeforeTheStoreCloses()
    {
        var instance = _store.Create();
        await instance.StartAsync();
        var writes = Enumerable.Range(0, 50)
            .Select(i => instance.Storage.WriteStateAsync(StateName, GrainId($"draining-{i}"), State("queued", i)))
            .ToArray();

        await instance.StopAsync();

        await Task.WhenAll(writes);
        var reopened = await _store.StartAsync();
        for (var i = 0; i < writes.Length; i++)
        {
            Assert.Equal(new StorageTestState("queued", i), (await ReadAsync(reopened, GrainId($"draining-{i}"))).State);
        }
    }

    [Fact]
    public async Task FailedBatchFailsEveryRequestInItAndLaterBatchesStillCommit()
    {
        var seeding = _store.Create();
        await seeding.StartAsync();
        await seeding.StopAsync();
        _store.Execute("""
            CREATE TRIGGER poison BEFORE INSERT ON grain_state WHEN NEW.grain_id LIKE '%poison%'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
            """);

        var instance = _store.Create();
        var healthyBefore = instance.Storage.WriteStateAsync(StateName, GrainId("healthy-before"), State("lost", 1));
        var poisoned = instance.Storage.WriteStateAsync(StateName, GrainId("poison"), State("poison", 2));
        var healthyAfter = instance.Storage.WriteStateAsync(StateName, GrainId("healthy-after"), State("lost", 3));
        await instance.StartAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => healthyBefore);
        await Assert.ThrowsAnyAsync<Exception>(() => poisoned);
        await Assert.ThrowsAnyAsync<Exception>(() => healthyAfter);
        Assert.False((await ReadAsync(instance.Storage, GrainId("healthy-before"))).RecordExists);

        var later = State("committed", 4);
        await instance.Storage.WriteStateAsync(StateName, GrainId("later"), later);
        Assert.Equal(new StorageTestState("committed", 4), (await ReadAsync(instance.Storage, GrainId("later"))).State);
    }
}
