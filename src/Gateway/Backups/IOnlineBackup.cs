namespace Craftsman.Gateway.Backups;

/// <summary>
/// An online backup of the store this gateway's process holds. Only an embedded gateway has one
/// (the silo and its SQLite file are in its process); a cluster's PostgreSQL is backed up with its
/// own tools, so there this service is not registered.
/// </summary>
public interface IOnlineBackup
{
    string Folder { get; }

    Task<OnlineBackupTaken> TakeAsync(CancellationToken cancellationToken);
}
