using Craftsman.Gateway.Api;
using Craftsman.Gateway.Auth;

namespace Craftsman.Gateway.Backups;

public static class BackupEndpoints
{
    /// <summary>
    /// <c>POST /api/backups</c>: the organiser takes an online backup of the embedded store now and
    /// hears its file name (restore it with <c>dotnet run --project src/Gateway -- restore FILE</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/backups", async (IServiceProvider services, CancellationToken cancellationToken) =>
            {
                if (services.GetService<IOnlineBackup>() is not { } backup)
                    return Problems.Problem(StatusCodes.Status409Conflict,
                        "This gateway belongs to a cluster: the round is in PostgreSQL, which is backed up with its own tools (deploy/README.md).",
                        "BackupsNotAvailable");
                var file = await backup.TakeAsync(cancellationToken);
                return Results.Ok(new { file = file.FileName, folder = backup.Folder, bytes = file.Bytes, takenAt = file.TakenAt });
            })
            .RequireAuthorization(Roles.OrganiserPolicy)
            .WithTags("Operations");
        return app;
    }
}
