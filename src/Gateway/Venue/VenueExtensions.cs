using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Craftsman.Gateway.Venue;

public static class VenueExtensions
{
    public static IServiceCollection AddCraftsmanVenue(this IServiceCollection services)
    {
        services.AddOptions<VenueOptions>().BindConfiguration(VenueOptions.Section)
            .Validate(o => o.PublicUrl is not { Length: > 0 } url || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                $"{VenueOptions.Section}:PublicUrl must be an absolute http(s) address such as http://192.168.1.10:5000.")
            .Validate(o => o.ForwardedHeaders.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                $"{VenueOptions.Section}:ForwardedHeaders:KnownProxies must be IP addresses.")
            .ValidateOnStart();
        services.AddSingleton<ServedAddresses>();
        services.AddHostedService<StartupBanner>();
        return services;
    }

    /// <summary>
    /// Behind a configured reverse proxy, takes the client's address, scheme and host from the
    /// proxy's X-Forwarded-* headers, so the sign-in throttle counts the client and not the proxy.
    /// Without configured proxies nothing is believed: any client could send those headers.
    /// </summary>
    public static WebApplication UseCraftsmanForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection($"{VenueOptions.Section}:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length == 0)
            return app;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }
}
