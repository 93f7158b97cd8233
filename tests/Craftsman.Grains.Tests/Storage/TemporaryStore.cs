using Craftsman.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Craftsman.Grains.Tests.Storage;

/// <summary>
/// A database file in a fresh temporary directory, and storage instances on it that start and stop
/// through a real silo lifecycle, as they would in a silo.
/// </summary>
internal sealed class TemporaryStore : IAsyncDisposable
{
    public const string StateName = "test";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "craftsman-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(StorageTestState).Assembly))
        .BuildServiceProvider();
    private readonly List<StorageInstance> _instances = [];

    // The "data" directory does not exist yet, so every test also covers its creation.
    public string DatabasePath => Path.Combine(_root, "data", "craftsman.db");

    /// <summary>A storage instance whose silo has not started yet: its writes queue up until <see cref="StorageInstance.StartAsync"/>.</summary>
    public StorageInstance Create()
    {
        var options = new SqliteGrainStorageOptions
        {
            DatabasePath = DatabasePath,
            GrainStorageSerializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
        };
        var storage = new SqliteGrainStorage(
            "test-store",
            options,
            _services.GetRequiredService<IActivatorProvider>(),
            NullLogger<SqliteGrainStorage>.Instance);
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        var instance = new StorageInstance(storage, lifecycle);
        _instances.Add(instance);
        return instance;
    }

    public async Task<SqliteGrainStorage> StartAsync()
    {
        var instance = Create();
        await instance.StartAsync();
        return instance.Storage;
    }

    /// <summary>Runs SQL on a connection of its own, for what the storage's API cannot show or do.</summary>
    public object? Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static GrainId GrainId(string key) => Orleans.Runtime.GrainId.Create("storagetest", key);

    public static GrainState<StorageTestState> State(string text, int number, string? etag = null) =>
        new(new StorageTestState(text, number)) { ETag = etag };

    public static async Task<GrainState<StorageTestState>> ReadAsync(SqliteGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<StorageTestState>();
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.StopAsync();
        }

        await _services.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
