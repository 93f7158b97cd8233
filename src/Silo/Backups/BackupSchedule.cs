using Microsoft.Extensions.Options;

namespace Craftsman.Silo.Backups;

/// <summary>Takes a backup every <see cref="BackupOptions.Interval"/> while the embedded silo runs; a failed one is logged and the next goes ahead.</summary>
public sealed class BackupSchedule(StoreBackup backup, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await backup.TakeAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The scheduled backup failed; the next is due in {Interval}.", options.Value.Interval);
            }
        }
    }
}
