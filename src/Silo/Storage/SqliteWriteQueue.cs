using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Craftsman.Silo.Storage;

/// <summary>
/// The one connection that writes to the database, with group commit: the loop takes every request
/// waiting at that moment (grain state writes and ledger appends alike), applies them in one
/// transaction, and completes each request only after that transaction has committed.
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
        CREATE TABLE IF NOT EXISTS ledger_entry (
            ledger_id     TEXT    NOT NULL,
            sequence      INTEGER NOT NULL,
            at            TEXT    NOT NULL,
            kind          TEXT    NOT NULL,
            actor         TEXT    NOT NULL,
            data          TEXT    NOT NULL,
            previous_hash TEXT    NOT NULL,
            hash          TEXT    NOT NULL,
            PRIMARY KEY (ledger_id, sequence)) WITHOUT ROWID;
        """;

    /// <summary>
    /// The store's format. 1: rounds kept in grain state (builds before December 2026).
    /// 2: a round's only durable record is its ledger, in <c>ledger_entry</c>.
    /// </summary>
    public const int Format = 2;

    private readonly Channel<QueuedWrite> _requests =
        Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
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

    /// <summary>Appends ledger entries that continue the ledger after <paramref name="after"/>, all or none.</summary>
    public Task AppendAsync(string ledgerId, long after, IReadOnlyList<Contracts.Contests.LedgerEntry> entries) =>
        Enqueue(new LedgerAppend(ledgerId, after, entries));

    private Task<string?> Enqueue(QueuedWrite request) =>
        _requests.Writer.TryWrite(request)
            ? request.Completion.Task
            : Task.FromException<string?>(new ObjectDisposedException(nameof(SqliteGrainStorage), "The SQLite grain storage has stopped."));

    private async Task RunAsync()
    {
        var batch = new List<QueuedWrite>();
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

    private void CommitBatch(List<QueuedWrite> batch)
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

    private static void ApplyInOneTransaction(SqliteConnection connection, List<QueuedWrite> batch)
    {
        using var transaction = connection.BeginTransaction();
        using var statements = new Statements(connection, transaction);

        // ETags come from one counter for the whole file, not a per-row version: a row that is deleted
        // and written again must never hand out an ETag that a stale activation may still hold.
        var lastETag = statements.ReadLastETag();
        var counterBefore = lastETag;
        foreach (var request in batch)
        {
            switch (request)
            {
                case WriteRequest write:
                    Apply(write, statements, ref lastETag);
                    break;
                case LedgerAppend append:
                    Apply(append, statements);
                    break;
            }
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

    private static void Apply(LedgerAppend request, Statements statements)
    {
        var last = statements.LastSequence(request.LedgerId);
        if (last != request.After || request.Entries.Count == 0 || request.Entries[0].Sequence != request.After + 1)
        {
            // Checked before inserting, so a refused append writes nothing and needs no savepoint.
            request.Rejection = new Grains.Storage.LedgerConflictException(request.LedgerId, request.After);
            return;
        }

        foreach (var entry in request.Entries)
        {
            statements.InsertEntry(request.LedgerId, entry);
        }
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
            CheckFormat(command);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A file written by a build that kept rounds in grain state has no format mark but holds their
    /// state rows; this build cannot read those rounds, and says so rather than start with them missing.
    /// </summary>
    private static void CheckFormat(SqliteCommand command)
    {
        command.CommandText = "SELECT value FROM storage_meta WHERE key = 'format';";
        if (command.ExecuteScalar() is long format)
        {
            if (format != Format)
                throw new InvalidOperationException(
                    $"The database {command.Connection!.DataSource} is in storage format {format}; this build reads format {Format}. Use the build that wrote it, or start with an empty data folder.");
            return;
        }

        command.CommandText = "SELECT COUNT(*) FROM grain_state WHERE state_name IN ('contest', 'contestant', 'ledger-segment', 'contestant-history');";
        if (command.ExecuteScalar() is long old && old > 0)
            throw new InvalidOperationException(
                $"The database {command.Connection!.DataSource} is in storage format 1 (rounds kept in grain state, written before December 2026); " +
                $"this build reads format {Format} (each round's ledger is its only record). Export the ledgers with the build that wrote it " +
                "(GET /api/editions/{edition}/occupations/{code}/ledger), then start this build with an empty data folder (move the old file away).");
        command.CommandText = $"INSERT INTO storage_meta (key, value) VALUES ('format', {Format});";
        command.ExecuteNonQuery();
    }

    /// <summary>A request the loop applies inside its batch transaction and completes once that has committed.</summary>
    private abstract record QueuedWrite
    {
        public TaskCompletionSource<string?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Set by the loop while applying; reported only once the batch has committed.
        public string? NewETag { get; set; }

        public Exception? Rejection { get; set; }
    }

    private sealed record WriteRequest(string StateName, string GrainId, string? ExpectedETag, byte[]? Payload) : QueuedWrite;

    private sealed record LedgerAppend(string LedgerId, long After, IReadOnlyList<Contracts.Contests.LedgerEntry> Entries) : QueuedWrite;

    /// <summary>The batch's commands, prepared once and rebound for each request.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteCommand _readETag;
        private readonly SqliteCommand _upsert;
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _readLastETag;
        private readonly SqliteCommand _saveLastETag;
        private readonly SqliteCommand _lastSequence;
        private readonly SqliteCommand _insertEntry;

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
            _lastSequence = Create(connection, transaction,
                "SELECT MAX(sequence) FROM ledger_entry WHERE ledger_id = $ledger;",
                "$ledger");
            _insertEntry = Create(connection, transaction,
                """
                INSERT INTO ledger_entry (ledger_id, sequence, at, kind, actor, data, previous_hash, hash)
                VALUES ($ledger, $sequence, $at, $kind, $actor, $data, $previous, $hash);
                """,
                "$ledger", "$sequence", "$at", "$kind", "$actor", "$data", "$previous", "$hash");
        }

        public long LastSequence(string ledgerId)
        {
            _lastSequence.Parameters["$ledger"].Value = ledgerId;
            return _lastSequence.ExecuteScalar() is long last ? last : 0;
        }

        public void InsertEntry(string ledgerId, Contracts.Contests.LedgerEntry entry)
        {
            _insertEntry.Parameters["$ledger"].Value = ledgerId;
            _insertEntry.Parameters["$sequence"].Value = entry.Sequence;
            _insertEntry.Parameters["$at"].Value = entry.At.ToString("O", CultureInfo.InvariantCulture);
            _insertEntry.Parameters["$kind"].Value = entry.Kind;
            _insertEntry.Parameters["$actor"].Value = entry.Actor;
            _insertEntry.Parameters["$data"].Value = entry.Data;
            _insertEntry.Parameters["$previous"].Value = entry.PreviousHash;
            _insertEntry.Parameters["$hash"].Value = entry.Hash;
            _insertEntry.ExecuteNonQuery();
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
            _lastSequence.Dispose();
            _insertEntry.Dispose();
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
