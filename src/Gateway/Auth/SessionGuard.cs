using System.Collections.Concurrent;
using System.Security.Claims;
using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Connections;
using Craftsman.Gateway.Live;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// Ends revoked sessions on this gateway. A judge's or official's token carries the generation of
/// the code it was opened with; the guard knows each edition's current generations (one observer
/// per edition on the access-code grain, renewed like the contest subscriptions), refuses every
/// request and hub call whose token is of another generation, and closes the hub connections of
/// such sessions the moment it learns of a revoke or re-issue.
/// </summary>
public sealed class SessionGuard(ClusterAccess cluster, ConnectionRegistry connections, IOptions<LiveOptions> options, ILogger<SessionGuard> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, EditionSessions> _editions = new();

    /// <summary>Whether the token's session is still good; loads the edition's generations on first use (a grain call, once).</summary>
    public async ValueTask<bool> IsCurrent(ClaimsPrincipal user)
    {
        if (IsCodeless(user))
            return true;
        if (user.EditionId() is not { } editionId || user.JudgeId() is not { } holderId || user.CodeGeneration() is not { } generation)
            return false;
        var sessions = await Sessions(editionId);
        return sessions.IsCurrent(holderId, generation);
    }

    /// <summary>For a hub call on an open connection: refused only if this gateway already knows the session is over.</summary>
    public bool IsKnownRevoked(ClaimsPrincipal? user)
    {
        if (user is null || IsCodeless(user) || user.Identity?.IsAuthenticated != true)
            return false;
        if (user.EditionId() is not { } editionId || user.JudgeId() is not { } holderId || user.CodeGeneration() is not { } generation)
            return true;
        return _editions.TryGetValue(editionId, out var sessions) && sessions.Loaded && !sessions.IsCurrent(holderId, generation);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var sessions in _editions.Values)
            {
                try
                {
                    sessions.Apply(await sessions.Grain.Subscribe(sessions.Reference));
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Could not renew the access-code subscription of edition {Edition}; will retry.", sessions.EditionId);
                }
            }
        }
    }

    // The organiser signs in with a password, not a code; an anonymous viewer has no session.
    private static bool IsCodeless(ClaimsPrincipal user) => user.IsInRole(Roles.Organiser);

    private async Task<EditionSessions> Sessions(string editionId)
    {
        var sessions = _editions.GetOrAdd(editionId, id =>
        {
            var created = new EditionSessions(id, cluster.Grains, Close);
            created.Ready = Load(created);
            return created;
        });
        try
        {
            await sessions.Ready;
            return sessions;
        }
        catch
        {
            // Let the next request try again rather than fail on this for ever.
            _editions.TryRemove(KeyValuePair.Create(editionId, sessions));
            throw;
        }
    }

    private static async Task Load(EditionSessions sessions) =>
        sessions.Apply(await sessions.Grain.Subscribe(sessions.Reference));

    /// <summary>Closes this gateway's hub connections whose session just ended.</summary>
    private void Close(EditionSessions sessions)
    {
        foreach (var connection in connections.Where(c => c.Context.User.EditionId() == sessions.EditionId && IsKnownRevoked(c.Context.User)))
        {
            logger.LogInformation("Closing connection {Connection} of {Holder}: their access code was revoked or re-issued.", connection.Id, connection.Context.User.JudgeId());
            connection.Context.Abort();
        }
    }
}
