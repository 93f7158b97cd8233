using Craftsman.Gateway.Backups;
using Craftsman.Silo.Backups;

namespace Craftsman.Gateway.Embedded;

/// <summary>The co-hosted silo's SQLite backup, offered to the organiser's REST call.</summary>
public sealed class CoHostedStoreBackup(StoreBackup backup) : IOnlineBackup
{
    public string Folder => backup.Folder;

    public async Task<OnlineBackupTaken> TakeAsync(CancellationToken cancellationToken)
    {
        var file = await backup.TakeAsync(cancellationToken);
        return new OnlineBackupTaken(file.FileName, file.Bytes, file.TakenAt);
    }
}
