using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Craftsman.Load;

/// <summary>
/// The raw rate of the embedded store's medium: one-row transactions committed one after another
/// on a fresh SQLite file in the settings the product uses (WAL, synchronous=FULL). Run beside the
/// judges' benchmark, it says how far group commit takes the product past one fsync per mark.
/// </summary>
public static class SqliteCommitBaseline
{
    public static int Run(IReadOnlyList<string> args)
    {
        var seconds = args is ["--seconds", var s, ..] && int.TryParse(s, out var n) && n is > 0 and <= 600 ? n : 10;
        var folder = Path.Combine(Path.GetTempPath(), $"craftsman-sqlite-baseline-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "baseline.db"), Pooling = false }.ToString());
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);";
                setup.ExecuteNonQuery();
            }
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (payload) VALUES ($p);";
            insert.Parameters.AddWithValue("$p", new string('x', 200));
            var clock = Stopwatch.StartNew();
            var commits = 0L;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                insert.ExecuteNonQuery();
                transaction.Commit();
                commits++;
            }
            Console.WriteLine($"SQLite one-row commits (WAL, synchronous=FULL): {commits / clock.Elapsed.TotalSeconds:F0}/s over {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
