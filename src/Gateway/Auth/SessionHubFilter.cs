using Microsoft.AspNetCore.SignalR;

namespace Craftsman.Gateway.Auth;

/// <summary>Refuses every hub call of a session whose code was revoked or re-issued (its connection is being closed too).</summary>
public sealed class SessionHubFilter(SessionGuard guard) : IHubFilter
{
    public const string SessionRevoked = "SessionRevoked";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (guard.IsKnownRevoked(context.Context.User))
        {
            context.Context.Abort();
            throw new HubException($"{SessionRevoked}: this access code was revoked or re-issued. Sign in again with your current code.");
        }
        return next(context);
    }
}
