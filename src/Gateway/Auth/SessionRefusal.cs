using Craftsman.Gateway.Api;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// Answers a request whose token belongs to an ended session with 401 and the code
/// <c>SessionRevoked</c> — on every endpoint, anonymous ones and the hubs' negotiation included —
/// and one whose session could not be checked because the cluster is away with a retryable 503.
/// </summary>
public static class SessionRefusal
{
    public const string Key = "craftsman.session-refusal";
    public const string Revoked = SessionHubFilter.SessionRevoked;
    public const string Unavailable = "ClusterUnavailable";

    public static IApplicationBuilder UseSessionRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        switch (http.Items[Key] as string)
        {
            case Revoked:
                await Problems.Problem(StatusCodes.Status401Unauthorized,
                    "This access code was revoked or re-issued. Sign in again with your current code.", Revoked).ExecuteAsync(http);
                return;
            case Unavailable:
                http.Response.Headers.RetryAfter = "5";
                await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "The results service is unavailable, so this sign-in cannot be checked. Retry shortly.",
                    Unavailable, new Dictionary<string, object?> { ["retryable"] = true }).ExecuteAsync(http);
                return;
        }
        await next(http);
    });
}
