using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Craftsman.Silo.Storage;

/// <summary>
/// One SQLite file and its single writer, shared by everything stored in it (grain state and
/// ledgers), so that all of it is committed by one group commit.
/// </summary>
public sealed class SqliteStore
{
    private static readonly ConcurrentDictionary<string, SqliteStore> Open = new(StringComparer.Ordinal);

    private SqliteStore(string databasePath, ILogger logger)
    {
        DatabasePath = databasePath;
        ReadConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            // A reader must never create an empty file somewhere the writer did not.
            Mode = SqliteOpenMode.ReadWrite,
        }.ToString();
        Writer = new SqliteWriteQueue(databasePath, logger);
    }

    public string DatabasePath { get; }

    public string ReadConnectionString { get; }

    internal SqliteWriteQueue Writer { get; }

    /// <summary>The store of this file in this process: one writer per file, however many providers use it.</summary>
    public static SqliteStore For(string databasePath, ILogger logger)
    {
        var path = Path.GetFullPath(databasePath);
        return Open.GetOrAdd(path, p => new SqliteStore(p, logger));
    }

    /// <summary>Forgets a stopped store, so a later start in this process opens the file afresh.</summary>
    internal void Forget() => Open.TryRemove(new KeyValuePair<string, SqliteStore>(DatabasePath, this));
}
