using Craftsman.Silo.Extensions;
using Craftsman.Hosting.Settings;
using Microsoft.Data.Sqlite;

namespace Craftsman.Silo.Backups;

/// <summary>
/// The restore command: <c>dotnet run --project src/Gateway -- restore BACKUP.db</c> (the system
/// stopped). It checks the backup's integrity, moves the current store and its WAL aside (never
/// deleted), and puts a copy of the backup where <c>Craftsman:Silo:DatabasePath</c> points, so the
/// next start opens it.
/// </summary>
public static class StoreRestore
{
    public const string Command = "restore";

    /// <summary>Answers whether <paramref name="args"/> ask for a restore; <paramref name="rest"/> are the remaining (configuration) arguments.</summary>
    public static bool IsCommand(string[] args, out string backup, out string[] rest)
    {
        if (args.Length >= 2 && args[0] == Command)
        {
            backup = args[1];
            rest = args[2..];
            return true;
        }
        (backup, rest) = ("", args);
        return false;
    }

    /// <summary>Restores <paramref name="backup"/> into the configured store; answers the process exit code.</summary>
    public static int Run(string backup, IConfiguration configuration, TextWriter output)
    {
        var database = Path.GetFullPath(CraftsmanSettings.Read<CraftsmanSiloOptions>(configuration, CraftsmanSiloOptions.Section).DatabasePath);
        if (!File.Exists(backup))
        {
            output.WriteLine($"restore: no such backup: {backup}");
            return 2;
        }
        if (Check(backup) is { } problem)
        {
            output.WriteLine($"restore: {backup} is not a sound SQLite database ({problem}); nothing was changed.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var aside = $"{database}.before-restore-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(database + suffix))
                File.Move(database + suffix, aside + suffix);
        File.Copy(backup, database);
        output.WriteLine($"restore: {database} now holds {backup}" + (File.Exists(aside) ? $"; the previous store is kept as {aside}" : "") + ". Start the system as usual.");
        return 0;
    }

    private static string? Check(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? null : result ?? "no answer to integrity_check";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }
}
