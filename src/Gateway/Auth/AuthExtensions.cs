using Microsoft.AspNetCore.Authentication.JwtBearer;
using Craftsman.Silo.Settings;
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
