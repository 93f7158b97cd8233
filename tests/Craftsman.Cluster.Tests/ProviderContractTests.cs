using Craftsman.Cluster.Tests.Support;
using Craftsman.Contracts.Marking;
using Craftsman.Grains;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Craftsman.Cluster.Tests;

/// <summary>
/// The providers' contract exercised directly, through the storage and reminder table a silo resolves:
/// versions (ETags) and what a stale one does, clearing, reminders and their hash ranges.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProviderContractTests(PostgresServer server) : IAsyncLifetime
{
    private const string StateName = "probe";
    private InProcessTestCluster _cluster = null!;

    private IServiceProvider Silo => _cluster.Silos[0].ServiceProvider;

    public async Task InitializeAsync() =>
        _cluster = await AdoNetTestCluster.StartAsync(server.ConnectionString, ClusterIdentity.New());

    public Task DisposeAsync() => AdoNetTestCluster.StopAsync(_cluster);

    public static TheoryData<string> KeyKinds => ["string", "integer", "guid+extension"];

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public async Task GrainStateIsWrittenOnlyOverTheVersionItWasReadAt(string keyKind)
    {
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Craftsman);
        var grainId = NewGrainId(keyKind);
        var state = NewState("k1", 12.5m);

        var nothing = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, nothing);
        Assert.Null(nothing.ETag);
        Assert.False(nothing.RecordExists);

        var writer = new GrainState<ProbeState>(state);
        await storage.WriteStateAsync(StateName, grainId, writer);
        Assert.Equal("1", writer.ETag);
        Assert.True(writer.RecordExists);

        // A second activation that also found nothing may not create the row again.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grainId, new GrainState<ProbeState>(NewState("k2", 1m))));

        var reader = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.Equal("1", reader.ETag);
        AssertSame(state, Assert.IsType<ProbeState>(reader.State));

        writer.State = NewState("k3", 13m);
        await storage.WriteStateAsync(StateName, grainId, writer);
        Assert.Equal("2", writer.ETag);

        // The reader's version is stale now: its write is refused and storage keeps the writer's state.
        reader.State = NewState("k4", 14m);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, reader));
        var current = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, current);
        AssertSame(writer.State, Assert.IsType<ProbeState>(current.State));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, reader));
        await storage.ClearStateAsync(StateName, grainId, writer);
        Assert.Equal("3", writer.ETag);
        Assert.False(writer.RecordExists);

        var cleared = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, cleared);
        Assert.Equal("3", cleared.ETag);
        Assert.Empty(Assert.IsType<ProbeState>(cleared.State).Marks);

        cleared.State = NewState("k5", 15m);
        await storage.WriteStateAsync(StateName, grainId, cleared);
        Assert.Equal("4", cleared.ETag);
    }

    [Fact]
    public async Task DeleteQueryRemovesTheRowOnlyAtItsVersion()
    {
        // DeleteStorageKey is used only with DeleteStateOnClear, which our storage does not set; run
        // its text the way the provider would.
        var storage = Silo.GetRequiredKeyedService<IGrainStorage>(StorageNames.Craftsman);
        var grainId = NewGrainId("string");
        var state = new GrainState<ProbeState>(NewState("k1", 10m));
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.WriteStateAsync(StateName, grainId, state);
        var serviceId = _cluster.Options.ServiceId;

        Assert.Null(await DeleteAsync(serviceId, grainId, version: 1));
        Assert.NotNull(await DeleteAsync(serviceId, grainId, version: 2));
        Assert.Null(await DeleteAsync(serviceId, grainId, version: 2));

        var gone = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, gone);
        Assert.False(gone.RecordExists);
        Assert.Null(gone.ETag);
    }

    [Fact]
    public async Task RemindersAreVersionedAndFoundByGrainAndByHashRange()
    {
        var table = Silo.GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("test-reminder", Guid.NewGuid().ToString("N"));
        var start = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var hourly = new ReminderEntry { GrainId = grainId, ReminderName = "hourly", StartAt = start, Period = TimeSpan.FromHours(1) };
        // Over int.MaxValue milliseconds: the provider binds this period as a bigint.
        var monthly = new ReminderEntry { GrainId = grainId, ReminderName = "monthly", StartAt = start, Period = TimeSpan.FromDays(31) };

        var firstEtag = Assert.IsType<string>(await table.UpsertRow(hourly));
        await table.UpsertRow(monthly);
        var read = Assert.IsType<ReminderEntry>(await table.ReadRow(grainId, "monthly"));
        Assert.Equal((grainId, "monthly", start, TimeSpan.FromDays(31)), (read.GrainId, read.ReminderName, read.StartAt, read.Period));

        hourly.StartAt = start.AddMinutes(30);
        var secondEtag = Assert.IsType<string>(await table.UpsertRow(hourly));
        Assert.NotEqual(firstEtag, secondEtag);
        var updated = Assert.IsType<ReminderEntry>(await table.ReadRow(grainId, "hourly"));
        Assert.Equal((start.AddMinutes(30), secondEtag), (updated.StartAt, updated.ETag));
        Assert.Equal(["hourly", "monthly"], (await table.ReadRows(grainId)).Reminders.Select(r => r.ReminderName).Order());

        // Ring ranges are (begin, end]; begin == end is the whole ring.
        var hash = grainId.GetUniformHashCode();
        Assert.Equal(2, await InRange(hash - 1, hash));
        Assert.Equal(0, await InRange(hash, hash + 1));
        Assert.Equal(2, await InRange(hash, hash));
        Assert.Equal(2, await InRange(hash + 1, hash));
        Assert.Equal(0, await InRange(hash + 1, hash - 1));

        Assert.False(await table.RemoveRow(grainId, "hourly", firstEtag));
        Assert.True(await table.RemoveRow(grainId, "hourly", secondEtag));
        Assert.Null(await table.ReadRow(grainId, "hourly"));
        Assert.Single((await table.ReadRows(grainId)).Reminders);

        async Task<int> InRange(uint begin, uint end) =>
            (await table.ReadRows(begin, end)).Reminders.Count(r => r.GrainId == grainId);
    }

    private async Task<int?> DeleteAsync(string serviceId, GrainId grainId, int version)
    {
        var text = (await server.QueryAsync("SELECT querytext FROM orleansquery WHERE querykey = 'DeleteStorageKey'", r => r.GetString(0))).Single();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(text, connection);
        command.Parameters.AddWithValue("ServiceId", serviceId);
        command.Parameters.AddWithValue("GrainTypeString", StateName);
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainIdExtensionString", grainId.Key.ToString()!);
        command.Parameters.AddWithValue("GrainStateVersion", version);
        command.Parameters.AddWithValue("GrainIdHash", 0);
        command.Parameters.AddWithValue("GrainTypeHash", 0);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? null : Convert.ToInt32(result);
    }

    private static GrainId NewGrainId(string keyKind) => keyKind switch
    {
        "string" => GrainId.Create("test-state", $"edition/{Guid.NewGuid():N}"),
        "integer" => GrainId.Create(GrainType.Create("test-state"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
        _ => GrainId.Create(GrainType.Create("test-state"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "extension")),
    };

    private static ProbeState NewState(string key, decimal value)
    {
        var submission = new MarkSubmission(key, "J1", "C1", "E1", value);
        var mark = new Mark("J1", "E1", value, 1, new DateTimeOffset(2020, 11, 5, 9, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567), key);
        return new ProbeState
        {
            Marks = [mark],
            AppliedKeys = System.Collections.Immutable.ImmutableDictionary<string, MarkSubmission>.Empty.Add(key, submission),
            LastSequence = 1,
        };
    }

    // Orleans' binary format round-trips exactly: ticks, offsets and decimal scale included.
    private static void AssertSame(ProbeState expected, ProbeState actual)
    {
        Assert.Equal(expected.Marks.ToList(), actual.Marks.ToList());
        Assert.Equal(expected.Marks.Single().EnteredAt.Offset, actual.Marks.Single().EnteredAt.Offset);
        Assert.Equal(expected.AppliedKeys.ToList(), actual.AppliedKeys.ToList());
        Assert.Equal(expected.LastSequence, actual.LastSequence);
    }
}
