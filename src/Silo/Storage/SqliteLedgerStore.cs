using System.Globalization;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Errors;
using Craftsman.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Craftsman.Silo.Storage;

/// <summary>
/// Ledgers in the embedded SQLite file, beside the grain state: appends go through the file's one
/// writer and share its group commit (marks of every occupation arriving together cost one fsync),
/// reads use pooled connections of their own.
/// </summary>
public sealed class SqliteLedgerStore(string databasePath, ILogger<SqliteLedgerStore> logger) : ILedgerStore
{
    // Looked up per call: the file's store is shared with the grain storage, which opens and closes it with the silo.
    private SqliteStore Database => SqliteStore.For(databasePath, logger);

    private const string ReadSql = """
        SELECT sequence, at, kind, actor, data, previous_hash, hash FROM ledger_entry
        WHERE ledger_id = $ledger ORDER BY sequence;
        """;

    public async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string ledgerId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(Database.ReadConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            command.Parameters.AddWithValue("$ledger", ledgerId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<LedgerEntry>();
            while (await reader.ReadAsync(cancellationToken))
                entries.Add(new LedgerEntry(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            return entries;
        }
        catch (SqliteException e)
        {
            logger.LogWarning(e, "Reading the ledger {Ledger} failed", ledgerId);
            throw new StorageUnavailableException($"The ledger {ledgerId} could not be read; retry shortly.");
        }
    }

    public async Task AppendAsync(string ledgerId, long after, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            await Database.Writer.AppendAsync(ledgerId, after, entries).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException)
        {
            logger.LogWarning(e, "Appending {Count} entries to the ledger {Ledger} failed", entries.Count, ledgerId);
            throw new StorageUnavailableException($"The ledger {ledgerId} did not confirm the write; nothing was saved by this call. Retry shortly.");
        }
    }
}
