using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Errors;
using Craftsman.Grains.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Craftsman.Silo.Storage;

/// <summary>
/// Ledgers in PostgreSQL, in a plain append table of our own rather than Orleans' whole-state rows:
/// a batch of marks is one multi-row INSERT, one round trip and one commit, however long the
/// ledger already is. The primary key (ledger, sequence) refuses a second writer's entry at a
/// sequence already taken, so two activations can never fork a ledger.
/// </summary>
public sealed class PostgresLedgerStore : ILedgerStore, IAsyncDisposable
{
    /// <summary>
    /// The table's definition, deploy/sql/postgresql/05-ledger.sql itself (embedded), so the script
    /// apply.sh runs and the table the store creates when missing are one text.
    /// </summary>
    public static readonly string Schema = ReadSchema();

    private const string ReadSql = """
        SELECT sequence, at, kind, actor, data, previous_hash, hash FROM craftsman_ledger
        WHERE ledger_id = $1 ORDER BY sequence;
        """;

    private const string AppendSql = """
        INSERT INTO craftsman_ledger (ledger_id, sequence, at, kind, actor, data, previous_hash, hash)
        SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]);
        """;

    private readonly NpgsqlDataSource _source;
    private readonly ILogger<PostgresLedgerStore> _logger;
    private readonly Lazy<Task> _schema;

    public PostgresLedgerStore(string connectionString, ILogger<PostgresLedgerStore> logger)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        _logger = logger;
        _schema = new Lazy<Task>(() => _source.CreateCommand(Schema).ExecuteNonQueryAsync());
    }

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default)
    {
        try
        {
            await _schema.Value;
            await using var command = _source.CreateCommand(ReadSql);
            command.Parameters.Add(new NpgsqlParameter { Value = ledgerId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<LedgerEntry>();
            while (await reader.ReadAsync(cancellationToken))
                entries.Add(new LedgerEntry(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            return entries;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            _logger.LogWarning(e, "Reading the ledger {Ledger} failed", ledgerId);
            throw new StorageUnavailableException($"The database did not answer the read of the ledger {ledgerId}; retry shortly.");
        }
    }

    public async Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0 || entries[0].Sequence != after + 1)
            throw new LedgerConflictException(ledgerId, after);
        try
        {
            await _schema.Value;
            await using var command = _source.CreateCommand(AppendSql);
            command.Parameters.Add(new NpgsqlParameter { Value = ledgerId });
            command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(e => e.Sequence).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            foreach (var field in new Func<LedgerEntry, string>[]
            {
                e => e.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e => e.Kind, e => e.Actor, e => e.Data, e => e.PreviousHash, e => e.Hash,
            })
                command.Parameters.Add(new NpgsqlParameter { Value = entries.Select(field).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new LedgerConflictException(ledgerId, after);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning(e, "Appending {Count} entries to the ledger {Ledger} failed", entries.Count, ledgerId);
            throw new StorageUnavailableException($"The database did not confirm the write to the ledger {ledgerId}; nothing was acknowledged. Retry shortly.");
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static string ReadSchema()
    {
        using var stream = typeof(PostgresLedgerStore).Assembly.GetManifestResourceStream("Craftsman.Silo.05-ledger.sql")
            ?? throw new InvalidOperationException("The ledger table's SQL (05-ledger.sql) is not embedded in the silo.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
