using Craftsman.Hosting.Settings;

namespace Craftsman.Silo.Backups;

public static class BackupExtensions
{
    /// <summary>Embedded mode: on-demand backups (<see cref="StoreBackup"/>) and the schedule.</summary>
    public static IServiceCollection AddCraftsmanBackups(this IServiceCollection services)
    {
        services.AddCraftsmanSettings<BackupOptions>(BackupOptions.Section);
        services.AddSingleton<StoreBackup>();
        services.AddHostedService<BackupSchedule>();
        return services;
    }
}
