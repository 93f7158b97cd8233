using System.Security.Claims;

namespace Craftsman.Gateway.Auth;

/// <summary>The claims a token carries, and reading them back.</summary>
public static class CraftsmanClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Edition = "edition";
    public const string Occupation = "occupation";

    public static string? JudgeId(this ClaimsPrincipal user) => user.FindFirstValue(Subject);

    public static string? EditionId(this ClaimsPrincipal user) => user.FindFirstValue(Edition);

    public static string? OccupationCode(this ClaimsPrincipal user) => user.FindFirstValue(Occupation);

    public static bool IsChief(this ClaimsPrincipal user) => user.IsInRole(Roles.Chief);
}
