namespace Craftsman.Silo.Backups;

/// <summary>One backup written: its file name in the backup folder, full path, size and when it was taken.</summary>
public sealed record BackupFile(string FileName, string Path, long Bytes, DateTimeOffset TakenAt);
