using System.Security.Claims;
using Craftsman.Contracts.Contests;

namespace Craftsman.Gateway.Auth;

/// <summary>The claims a token carries, and reading them back.</summary>
public static class CraftsmanClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Edition = "edition";
    public const string Occupation = "occupation";

    /// <summary>The generation of the access code a session was opened with (see <see cref="SessionGuard"/>).</summary>
    public const string Generation = "gen";

    public static string? JudgeId(this ClaimsPrincipal user) => user.FindFirstValue(Subject);

    public static string? EditionId(this ClaimsPrincipal user) => user.FindFirstValue(Edition);

    public static string? OccupationCode(this ClaimsPrincipal user) => user.FindFirstValue(Occupation);

    public static long? CodeGeneration(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(Generation), System.Globalization.CultureInfo.InvariantCulture, out var generation) ? generation : null;

    public static bool IsChief(this ClaimsPrincipal user) => user.IsInRole(Roles.Chief);

    /// <summary>Whose view of a round a request gets: a viewer without a token is the public.</summary>
    public static Audience Audience(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? Contracts.Contests.Audience.Of(user.Actor()) : Contracts.Contests.Audience.Public;

    /// <summary>The person behind a request as the contest sees them.</summary>
    public static Actor Actor(this ClaimsPrincipal user) => new(user.JudgeId() ?? "", user.FindFirstValue(Role) switch
    {
        Roles.Organiser => ActorRole.Organiser,
        Roles.Chief => ActorRole.Chief,
        Roles.Officer => ActorRole.EncryptionOfficer,
        Roles.Arbiter => ActorRole.Arbiter,
        _ => ActorRole.Judge,
    });
}
