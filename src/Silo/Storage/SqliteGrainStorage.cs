using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Craftsman.Silo.Storage;

/// <summary>
/// Grain storage in one SQLite file: one row per state name and grain id holding the serialized
/// state and its ETag. Reads use pooled connections of their own; every write and clear goes
/// through the single <see cref="SqliteWriteQueue"/>.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string ReadSql = "SELECT etag, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain;";

    private readonly string _name;
    private readonly string _databasePath;
    private readonly SqliteStore _store;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly SqliteWriteQueue _writer;

    public SqliteGrainStorage(
        string name,
        SqliteGrainStorageOptions options,
        IActivatorProvider activatorProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        _name = name;
        _databasePath = Path.GetFullPath(options.DatabasePath);
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"{nameof(options.GrainStorageSerializer)} is required.", nameof(options));
        _activators = activatorProvider;
        _logger = logger;
        _store = SqliteStore.For(_databasePath, logger);
        _writer = _store.Writer;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            OptionFormattingUtilities.Name<SqliteGrainStorage>(_name),
            ServiceLifecycleStage.ApplicationServices,
            StartAsync,
            StopAsync);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = new SqliteConnection(_store.ReadConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            Reset(grainState);
            return;
        }

        var etag = reader.GetInt64(0);
        var payload = reader.GetFieldValue<byte[]>(1);
        grainState.State = _serializer.Deserialize<T>(new BinaryData(payload)) ?? CreateInstance<T>();
        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized here, on the caller, so the writer's loop spends its time only on SQLite.
        var payload = _serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await _writer.WriteAsync(stateName, grainId.ToString(), grainState.ETag, payload);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _writer.ClearAsync(stateName, grainId.ToString(), grainState.ETag);
        Reset(grainState);
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        _writer.Start();
        _logger.LogInformation("SQLite grain storage {Name} opened {Path}", _name, _databasePath);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        // Not cancellable on purpose: the queued writes were promised durability, and committing
        // them takes milliseconds.
        await _writer.StopAsync();
        _store.Forget();
        using (var connection = new SqliteConnection(_store.ReadConnectionString))
        {
            // Pooled readers would otherwise keep the file open after the silo has stopped.
            SqliteConnection.ClearPool(connection);
        }

        _logger.LogInformation("SQLite grain storage {Name} closed {Path}", _name, _databasePath);
    }

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T CreateInstance<T>() => _activators.GetActivator<T>().Create();
}
