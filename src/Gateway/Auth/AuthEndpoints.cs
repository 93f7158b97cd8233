using Craftsman.Gateway.Cluster;
using Craftsman.Contracts.Access;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.People;
using Craftsman.Gateway.Api;

namespace Craftsman.Gateway.Auth;

public static class AuthEndpoints
{
    public sealed record OrganiserSignIn(string? Password);

    public sealed record JudgeSignIn(string? AccessCode, string? EditionId);

    public sealed record SignedIn(string Token, string Role, string Name, string? JudgeId, string? EditionId, string? Occupation);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");

        auth.MapPost("/organiser", (OrganiserSignIn request, HttpContext http, GatewaySecrets secrets, SignInThrottle throttle, TokenIssuer tokens) =>
        {
            var client = ClientOf(http);
            if (throttle.IsBlocked(client))
                return TooManyFailures();
            if (string.IsNullOrEmpty(request.Password) || !secrets.IsOrganiserPassword(request.Password))
            {
                throttle.RecordFailure(client);
                return Problems.Problem(StatusCodes.Status401Unauthorized, "The organiser password is not correct.", "SignInFailed");
            }
            return Results.Ok(new SignedIn(tokens.Issue(Roles.Organiser, "Organiser", Roles.Organiser), Roles.Organiser, "Organiser", null, null, null));
        });

        auth.MapPost("/judge", async (JudgeSignIn request, HttpContext http, SignInThrottle throttle, TokenIssuer tokens, ClusterAccess cluster) =>
        {
            var client = ClientOf(http);
            if (throttle.IsBlocked(client))
                return TooManyFailures();
            if (await Holder(cluster.Grains, request) is { } holder
                && await cluster.Grains.GetGrain<IEditionGrain>(holder.EditionId).GetDocument() is { } document)
            {
                var editionId = holder.EditionId;
                if (document.Judges.FirstOrDefault(j => j.Id == holder.HolderId) is { } judge)
                {
                    var role = judge.Role == JudgeRole.Chief ? Roles.Chief : Roles.Judge;
                    var token = tokens.Issue(judge.Id, judge.Name, role, editionId, judge.Occupation, holder.Generation);
                    return Results.Ok(new SignedIn(token, role, judge.Name, judge.Id, editionId, judge.Occupation));
                }
                if (document.Officials.FirstOrDefault(o => o.Id == holder.HolderId) is { } official)
                {
                    var role = official.Role == OfficialRole.EncryptionOfficer ? Roles.Officer : Roles.Arbiter;
                    return Results.Ok(new SignedIn(tokens.Issue(official.Id, official.Name, role, editionId, generation: holder.Generation), role, official.Name, official.Id, editionId, null));
                }
            }
            throttle.RecordFailure(client);
            return Problems.Problem(StatusCodes.Status401Unauthorized, "This access code is not valid. Check it with the competition office.", "SignInFailed");
        });

        return app;
    }

    /// <summary>
    /// Whose live code this is. The code alone finds its edition through the index; the edition's
    /// own code grain then confirms it is live (an index entry may outlive a revoked code). A
    /// request that still names its edition is checked against that edition only.
    /// </summary>
    /// <summary>Who a code signs in (found through the cross-edition index) and the generation of their code.</summary>
    private sealed record SignInHolder(string EditionId, string HolderId, long Generation);

    private static async Task<SignInHolder?> Holder(IGrainFactory grains, JudgeSignIn request)
    {
        if (string.IsNullOrWhiteSpace(request.AccessCode))
            return null;
        var editionId = string.IsNullOrWhiteSpace(request.EditionId)
            ? (await grains.GetGrain<IAccessCodeIndexGrain>(AccessCodeHash.Of(request.AccessCode)).Find())?.EditionId
            : request.EditionId;
        if (editionId is null)
            return null;
        var session = await grains.GetGrain<IAccessCodeGrain>(editionId).Redeem(request.AccessCode);
        return session is null ? null : new SignInHolder(editionId, session.HolderId, session.Generation);
    }

    /// <summary>The client's address: behind a configured proxy, the forwarded one (see ForwardedHeaders in the venue setup).</summary>
    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult TooManyFailures() =>
        Problems.Problem(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins from this device. Wait a few minutes and try again.", "SignInThrottled");
}
