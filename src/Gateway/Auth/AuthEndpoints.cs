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
            var editionId = string.IsNullOrWhiteSpace(request.EditionId) ? DefaultEdition : request.EditionId;
            var session = string.IsNullOrWhiteSpace(request.AccessCode) ? null : await cluster.Grains.GetGrain<IAccessCodeGrain>(editionId).Redeem(request.AccessCode);
            var judgeId = session?.HolderId;
            var document = judgeId is null ? null : await cluster.Grains.GetGrain<IEditionGrain>(editionId).GetDocument();
            if (document?.Judges.FirstOrDefault(j => j.Id == judgeId) is { } judge)
            {
                var role = judge.Role == JudgeRole.Chief ? Roles.Chief : Roles.Judge;
                var token = tokens.Issue(judge.Id, judge.Name, role, editionId, judge.Occupation, session!.Generation);
                return Results.Ok(new SignedIn(token, role, judge.Name, judge.Id, editionId, judge.Occupation));
            }
            if (document?.Officials.FirstOrDefault(o => o.Id == judgeId) is { } official)
            {
                var role = official.Role == OfficialRole.EncryptionOfficer ? Roles.Officer : Roles.Arbiter;
                return Results.Ok(new SignedIn(tokens.Issue(official.Id, official.Name, role, editionId, generation: session!.Generation), role, official.Name, official.Id, editionId, null));
            }
            throttle.RecordFailure(client);
            return Problems.Problem(StatusCodes.Status401Unauthorized, "This access code is not valid. Check it with the competition office.", "SignInFailed");
        });

        return app;
    }

    /// <summary>The edition a tablet signs into when it does not name one: the sample edition's id.</summary>
    public const string DefaultEdition = "2020";

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult TooManyFailures() =>
        Problems.Problem(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins from this device. Wait a few minutes and try again.", "SignInThrottled");
}
