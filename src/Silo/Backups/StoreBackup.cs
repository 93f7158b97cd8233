using System.Globalization;
using Craftsman.Silo.Extensions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Craftsman.Silo.Backups;

/// <summary>
/// Online backups of the embedded store with SQLite's <c>VACUUM INTO</c>: it reads one consistent
/// snapshot on a connection of its own (WAL lets the grains' writer go on meanwhile) and writes a
/// compact, self-contained database file, so a backup holds exactly the writes committed when it
/// began — every acknowledged mark up to then, and nothing half-written. The file is written under
/// a temporary name and renamed, so the folder never shows a partial backup.
/// </summary>
public sealed class StoreBackup(IOptions<CraftsmanSiloOptions> silo, IOptions<BackupOptions> options, TimeProvider clock, ILogger<StoreBackup> logger)
{
    public const string Prefix = "craftsman-";
    public const string Extension = ".db";

    private readonly SemaphoreSlim _one = new(1, 1);

    public string Folder => Path.GetFullPath(options.Value.Folder);

    public async Task<BackupFile> TakeAsync(CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var takenAt = clock.GetUtcNow();
            var name = UniqueName(takenAt);
            var target = Path.Combine(Folder, name);
            var partial = target + ".partial";
            File.Delete(partial);
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.GetFullPath(silo.Value.DatabasePath),
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $target;";
                command.Parameters.AddWithValue("$target", partial);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            File.Move(partial, target);
            var file = new BackupFile(name, target, new FileInfo(target).Length, takenAt);
            logger.LogInformation("Backed up the store to {Backup} ({Bytes} bytes).", target, file.Bytes);
            Prune();
            return file;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The backups in the folder, newest first.</summary>
    public IReadOnlyList<string> List() => Directory.Exists(Folder)
        ? [.. Directory.GetFiles(Folder, Prefix + "*" + Extension).OrderDescending(StringComparer.Ordinal)]
        : [];

    private void Prune()
    {
        foreach (var old in List().Skip(options.Value.Keep))
        {
            File.Delete(old);
            logger.LogInformation("Deleted the old backup {Backup} (keeping the newest {Keep}).", old, options.Value.Keep);
        }
    }

    // Sortable UTC names; a second backup within the same second gets a suffix, never overwrites.
    private string UniqueName(DateTimeOffset takenAt)
    {
        var stem = Prefix + takenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var name = stem + Extension;
        for (var n = 2; File.Exists(Path.Combine(Folder, name)); n++)
            name = $"{stem}-{n}{Extension}";
        return name;
    }
}
