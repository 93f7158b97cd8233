using Craftsman.Gateway.Auth;

namespace Craftsman.Gateway.Venue;

public static class VenueEndpoints
{
    /// <summary>What the console shows beside the code cards: where they will point, and every address served.</summary>
    public sealed record VenueInfo(string PublicUrl, bool PublicUrlConfigured, IReadOnlyList<string> Addresses);

    public static IEndpointRouteBuilder MapVenueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/venue", (HttpRequest request, ServedAddresses addresses) =>
            Results.Ok(new VenueInfo(addresses.PublicBase(request), addresses.ConfiguredPublicUrl is not null, addresses.All())))
            .WithTags("Venue").RequireAuthorization(Roles.OrganiserPolicy);
        return app;
    }
}
