using Microsoft.AspNetCore.Authentication.JwtBearer;
using Craftsman.Gateway.Cluster;
using Craftsman.Hosting.Settings;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Auth;

public static class AuthExtensions
{
    public static IServiceCollection AddCraftsmanAuth(this IServiceCollection services)
    {
        services.AddCraftsmanSettings<AuthOptions>(AuthOptions.Section);
        services.AddSingleton<GatewaySecrets>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SessionGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionGuard>());
        services.AddSingleton<SessionHubFilter>();
        services.AddSingleton<PasswordCheckQueue>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<GatewaySecrets>((o, secrets) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = TokenIssuer.ValidationParameters(secrets);
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets, so SignalR sends the token in the query.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: > 0 } token)
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    // A well-signed token is still refused once its code is revoked or re-issued.
                    OnTokenValidated = async context =>
                    {
                        var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
                        try
                        {
                            if (await guard.IsCurrent(context.Principal!))
                                return;
                            context.HttpContext.Items[SessionRefusal.Key] = SessionRefusal.Revoked;
                            context.Fail(SessionRefusal.Revoked);
                        }
                        catch (Exception e) when (ClusterErrors.IsClusterFailure(e))
                        {
                            context.HttpContext.Items[SessionRefusal.Key] = SessionRefusal.Unavailable;
                            context.Fail(e);
                        }
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.OrganiserPolicy, p => p.RequireRole(Roles.Organiser))
            .AddPolicy(Roles.PanelPolicy, p => p.RequireRole(Roles.Judge, Roles.Chief)
                .RequireClaim(CraftsmanClaims.Edition).RequireClaim(CraftsmanClaims.Occupation))
            .AddPolicy(Roles.StaffPolicy, p => p.RequireRole(Roles.Organiser, Roles.Judge, Roles.Chief, Roles.Officer, Roles.Arbiter))
            .AddPolicy(Roles.OfficePolicy, p => p.RequireRole(Roles.Organiser, Roles.Officer, Roles.Arbiter));
        return services;
    }
}
