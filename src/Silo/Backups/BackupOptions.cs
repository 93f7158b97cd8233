using System.ComponentModel.DataAnnotations;

namespace Craftsman.Silo.Backups;

/// <summary>The "Craftsman:Backups" section: online copies of the embedded SQLite store.</summary>
public sealed class BackupOptions
{
    public const string Section = "Craftsman:Backups";

    /// <summary>Where backups go; relative paths resolve from the working directory. Best on another disk than the store.</summary>
    [Required]
    public string Folder { get; set; } = Path.Combine("data", "backups");

    /// <summary>How often a backup is taken on schedule; 00:00:00 takes them on demand only.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many of the newest backups are kept; older ones are deleted after each new one.</summary>
    [Range(1, 10000)]
    public int Keep { get; set; } = 48;
}
