namespace Craftsman.Gateway.Backups;

/// <summary>What the organiser hears of a backup just taken.</summary>
public sealed record OnlineBackupTaken(string FileName, long Bytes, DateTimeOffset TakenAt);
