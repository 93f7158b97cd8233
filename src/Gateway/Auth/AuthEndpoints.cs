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

        auth.MapPost("/organiser", async (OrganiserSignIn request, HttpContext http, GatewaySecrets secrets, SignInThrottle throttle,
            PasswordCheckQueue passwords, TokenIssuer tokens) =>
        {
            if (string.IsNullOrEmpty(request.Password) || request.Password.Length > MaxCredentialLength)
                return Problems.Problem(StatusCodes.Status400BadRequest, $"password: 1 to {MaxCredentialLength} characters are required.", "InvalidRequest", Field("password"));
            var client = ClientOf(http);
            if (throttle.TryBegin(client, Roles.Organiser, request.Password) is not { } attempt)
                return TooManyFailures();
            try
            {
                await SlowDown(throttle, client, http.RequestAborted);
                switch (await passwords.Check(() => secrets.IsOrganiserPassword(request.Password), http.RequestAborted))
                {
                    case null:
                        attempt.Succeeded();
                        http.Response.Headers.RetryAfter = "2";
                        return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "Too many sign-ins are being checked at once. Try again in a moment.", "SignInBusy");
                    case false:
                        attempt.Failed();
                        return Problems.Problem(StatusCodes.Status401Unauthorized, "The organiser password is not correct.", "SignInFailed");
                }
                attempt.Succeeded();
                return Results.Ok(new SignedIn(tokens.Issue(Roles.Organiser, "Organiser", Roles.Organiser), Roles.Organiser, "Organiser", null, null, null));
            }
            finally
            {
                attempt.Succeeded();
            }
        });

        auth.MapPost("/judge", async (JudgeSignIn request, HttpContext http, SignInThrottle throttle, TokenIssuer tokens, ClusterAccess cluster,
            EditionDirectory editions) =>
        {
            if (string.IsNullOrWhiteSpace(request.AccessCode) || request.AccessCode.Length > MaxCredentialLength)
                return Problems.Problem(StatusCodes.Status400BadRequest, $"accessCode: 1 to {MaxCredentialLength} characters are required.", "InvalidRequest", Field("accessCode"));
            var client = ClientOf(http);
            if (throttle.TryBegin(client, "judge", request.AccessCode) is not { } attempt)
                return TooManyFailures();
            try
            {
                await SlowDown(throttle, client, http.RequestAborted);
                var holder = await Holder(cluster.Grains, editions, request);
                var document = holder is null ? null : await cluster.Grains.GetGrain<IEditionGrain>(holder.EditionId).GetDocument();
                if (holder is not null && document?.Judges.FirstOrDefault(j => j.Id == holder.HolderId) is { } judge)
                {
                    attempt.Succeeded();
                    var role = judge.Role == JudgeRole.Chief ? Roles.Chief : Roles.Judge;
                    var token = tokens.Issue(judge.Id, judge.Name, role, holder.EditionId, judge.Occupation, holder.Generation);
                    return Results.Ok(new SignedIn(token, role, judge.Name, judge.Id, holder.EditionId, judge.Occupation));
                }
                if (holder is not null && document?.Officials.FirstOrDefault(o => o.Id == holder.HolderId) is { } official)
                {
                    attempt.Succeeded();
                    var role = official.Role == OfficialRole.EncryptionOfficer ? Roles.Officer : Roles.Arbiter;
                    return Results.Ok(new SignedIn(tokens.Issue(official.Id, official.Name, role, holder.EditionId, generation: holder.Generation), role, official.Name, official.Id, holder.EditionId, null));
                }
                attempt.Failed();
                return Problems.Problem(StatusCodes.Status401Unauthorized, "This access code is not valid. Check it with the competition office.", "SignInFailed");
            }
            finally
            {
                // A call that failed on its way (the cluster unreachable) is no one's failed guess.
                attempt.Succeeded();
            }
        });

        return app;
    }

    /// <summary>Who a code signs in (found through the cross-edition index) and the generation of their code.</summary>
    private sealed record SignInHolder(string EditionId, string HolderId, long Generation);

    /// <summary>
    /// Whose live code this is. The code alone finds its edition through the index; the edition's
    /// own code grain then confirms it is live (an index entry may outlive a revoked code). A
    /// request that still names its edition is checked against that edition only, and an edition
    /// that does not exist is a wrong code like any other, answered without waking a grain for it.
    /// </summary>
    private static async Task<SignInHolder?> Holder(IGrainFactory grains, EditionDirectory editions, JudgeSignIn request)
    {
        var editionId = string.IsNullOrWhiteSpace(request.EditionId)
            ? (await grains.GetGrain<IAccessCodeIndexGrain>(AccessCodeHash.Of(request.AccessCode!)).Find())?.EditionId
            : request.EditionId;
        if (editionId is null || !await editions.Exists(editionId))
            return null;
        var session = await grains.GetGrain<IAccessCodeGrain>(editionId).Redeem(request.AccessCode!);
        return session is null ? null : new SignInHolder(editionId, session.HolderId, session.Generation);
    }

    /// <summary>The client's address: behind a configured proxy, the forwarded one (see ForwardedHeaders in the venue setup).</summary>
    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Longer than any password or access code anyone types; longer ones are refused before any hashing.</summary>
    public const int MaxCredentialLength = 256;

    private static IResult TooManyFailures() =>
        Problems.Problem(StatusCodes.Status429TooManyRequests, "This code or password failed too often from this device. Wait a few minutes and try again.", "SignInThrottled");

    private static Dictionary<string, object?> Field(string name) =>
        new() { ["params"] = new Dictionary<string, string> { ["field"] = name, ["maxLength"] = $"{MaxCredentialLength}" } };

    /// <summary>Real time, not the competition clock: tests that hold that clock still must not hold sign-ins with it.</summary>
    private static async Task SlowDown(SignInThrottle throttle, string client, CancellationToken cancellationToken)
    {
        if (throttle.SlowDown(client) is { } delay && delay > TimeSpan.Zero)
            await Task.Delay(delay, cancellationToken);
    }
}
