using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Craftsman.Silo.Storage;

/// <summary>
/// The one connection that writes to the database, with group commit: the loop takes every request
/// waiting at that moment, applies them in one transaction, and completes each request only after
/// that transaction has committed.
/// </summary>
/// <remarks>
/// SQLite admits one writer at a time. Many connections writing at once spend their time in
/// busy-retry; one writer that commits whatever has queued up pays one fsync per batch instead of
/// one per grain, so throughput grows with the number of grains writing together.
/// </remarks>
internal sealed class SqliteWriteQueue
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT    NOT NULL,
            grain_id   TEXT    NOT NULL,
            etag       INTEGER NOT NULL,
            payload    BLOB    NOT NULL,
            PRIMARY KEY (state_name, grain_id));
        CREATE TABLE IF NOT EXISTS storage_meta (
            key   TEXT    NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL);
        """;

    private readonly Channel<WriteRequest> _requests =
        Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private SqliteConnection? _connection;
    private Task? _loop;

    public SqliteWriteQueue(string databasePath, ILogger logger)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // This connection lives as long as the queue; pooling would only keep the file open after stop.
            Pooling = false,
        }.ToString();
        _logger = logger;
    }

    /// <summary>Creates the file and schema, then starts committing. Requests queued earlier go in the first batch.</summary>
    public void Start()
    {
        // Opening here rather than on the first write makes a bad path or a locked file fail the silo's start.
        _connection = Open();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Refuses new requests, commits those already queued, then closes the connection.</summary>
    public async Task StopAsync()
    {
        _requests.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
        else
        {
            // Never started, so nothing will commit these: say so rather than leave callers waiting.
            while (_requests.Reader.TryRead(out var orphan))
            {
                orphan.Completion.TrySetException(new ObjectDisposedException(nameof(SqliteGrainStorage), "The SQLite grain storage stopped before it started."));
            }
        }

        _connection?.Dispose();
        _connection = null;
    }

    /// <summary>Stores <paramref name="payload"/> if the stored ETag is <paramref name="expectedETag"/>; answers the new ETag.</summary>
    public Task<string?> WriteAsync(string stateName, string grainId, string? expectedETag, byte[] payload) =>
        Enqueue(new WriteRequest(stateName, grainId, expectedETag, payload));

    /// <summary>Deletes the row if the stored ETag is <paramref name="expectedETag"/>.</summary>
    public Task ClearAsync(string stateName, string grainId, string? expectedETag) =>
        Enqueue(new WriteRequest(stateName, grainId, expectedETag, Payload: null));

    private Task<string?> Enqueue(WriteRequest request) =>
        _requests.Writer.TryWrite(request)
            ? request.Completion.Task
            : Task.FromException<string?>(new ObjectDisposedException(nameof(SqliteGrainStorage), "The SQLite grain storage has stopped."));

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>();
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            CommitBatch(batch);
            batch.Clear();
        }
    }

    private void CommitBatch(List<WriteRequest> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _connection ??= Open();
            ApplyInOneTransaction(_connection, batch);
            StorageTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            StorageTelemetry.BatchSize.Record(batch.Count);
        }
        catch (Exception exception)
        {
            // Nothing of this batch is durable, so nobody may hear otherwise. The connection may be in
            // an unknown state; the next batch opens a fresh one and the loop carries on.
            _logger.LogError(exception, "SQLite grain storage failed to commit a batch of {Count} writes", batch.Count);
            _connection?.Dispose();
            _connection = null;
            foreach (var request in batch)
            {
                request.Completion.TrySetException(exception);
            }

            return;
        }

        foreach (var request in batch)
        {
            if (request.Rejection is { } rejection)
            {
                request.Completion.TrySetException(rejection);
            }
            else
            {
                request.Completion.TrySetResult(request.NewETag);
            }
        }
    }

    private static void ApplyInOneTransaction(SqliteConnection connection, List<WriteRequest> batch)
    {
        using var transaction = connection.BeginTransaction();
        using var statements = new Statements(connection, transaction);

        // ETags come from one counter for the whole file, not a per-row version: a row that is deleted
        // and written again must never hand out an ETag that a stale activation may still hold.
        var lastETag = statements.ReadLastETag();
        var counterBefore = lastETag;
        foreach (var request in batch)
        {
            Apply(request, statements, ref lastETag);
        }

        if (lastETag != counterBefore)
        {
            statements.SaveLastETag(lastETag);
        }

        transaction.Commit();
    }

    private static void Apply(WriteRequest request, Statements statements, ref long lastETag)
    {
        var stored = statements.ReadETag(request.StateName, request.GrainId)?.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(stored, request.ExpectedETag, StringComparison.Ordinal))
        {
            // Checked before touching the row, so a rejected request writes nothing and needs no savepoint.
            request.Rejection = new InconsistentStateException(
                $"ETag mismatch for state '{request.StateName}' of grain {request.GrainId}.",
                storedEtag: stored ?? "none",
                currentEtag: request.ExpectedETag ?? "none");
            return;
        }

        if (request.Payload is null)
        {
            statements.Delete(request.StateName, request.GrainId);
            request.NewETag = null;
            return;
        }

        lastETag++;
        statements.Upsert(request.StateName, request.GrainId, lastETag, request.Payload);
        request.NewETag = lastETag.ToString(CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // WAL lets readers on their own connections run beside this writer; FULL syncs the WAL at
            // every commit, so an acknowledged write survives a power cut, not just a process crash.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var journalMode = command.ExecuteScalar() as string;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {connection.DataSource} (journal_mode is '{journalMode}').");
            }

            command.CommandText = "PRAGMA synchronous=FULL;";
            command.ExecuteNonQuery();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private sealed record WriteRequest(string StateName, string GrainId, string? ExpectedETag, byte[]? Payload)
    {
        public TaskCompletionSource<string?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Set by the loop while applying; reported only once the batch has committed.
        public string? NewETag { get; set; }

        public Exception? Rejection { get; set; }
    }

    /// <summary>The batch's commands, prepared once and rebound for each request.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteCommand _readETag;
        private readonly SqliteCommand _upsert;
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _readLastETag;
        private readonly SqliteCommand _saveLastETag;

        public Statements(SqliteConnection connection, SqliteTransaction transaction)
        {
            _readETag = Create(connection, transaction,
                "SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain;",
                "$state", "$grain");
            _upsert = Create(connection, transaction,
                """
                INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ($state, $grain, $etag, $payload)
                ON CONFLICT (state_name, grain_id) DO UPDATE SET etag = excluded.etag, payload = excluded.payload;
                """,
                "$state", "$grain", "$etag", "$payload");
            _delete = Create(connection, transaction,
                "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain;",
                "$state", "$grain");
            _readLastETag = Create(connection, transaction,
                "SELECT value FROM storage_meta WHERE key = 'last_etag';");
            _saveLastETag = Create(connection, transaction,
                """
                INSERT INTO storage_meta (key, value) VALUES ('last_etag', $value)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value;
                """,
                "$value");
        }

        public long? ReadETag(string stateName, string grainId)
        {
            _readETag.Parameters["$state"].Value = stateName;
            _readETag.Parameters["$grain"].Value = grainId;
            return _readETag.ExecuteScalar() is long etag ? etag : null;
        }

        public void Upsert(string stateName, string grainId, long etag, byte[] payload)
        {
            _upsert.Parameters["$state"].Value = stateName;
            _upsert.Parameters["$grain"].Value = grainId;
            _upsert.Parameters["$etag"].Value = etag;
            _upsert.Parameters["$payload"].Value = payload;
            _upsert.ExecuteNonQuery();
        }

        public void Delete(string stateName, string grainId)
        {
            _delete.Parameters["$state"].Value = stateName;
            _delete.Parameters["$grain"].Value = grainId;
            _delete.ExecuteNonQuery();
        }

        public long ReadLastETag() => _readLastETag.ExecuteScalar() is long value ? value : 0;

        public void SaveLastETag(long value)
        {
            _saveLastETag.Parameters["$value"].Value = value;
            _saveLastETag.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _readETag.Dispose();
            _upsert.Dispose();
            _delete.Dispose();
            _readLastETag.Dispose();
            _saveLastETag.Dispose();
        }

        private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
            }

            return command;
        }
    }
}
