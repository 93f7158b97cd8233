using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Craftsman.Gateway.Auth;

/// <summary>Signs the bearer tokens that tablets and the console present (JWT, HMAC-SHA256).</summary>
public sealed class TokenIssuer(GatewaySecrets secrets, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Issuer = "craftsman";

    public static TokenValidationParameters ValidationParameters(GatewaySecrets secrets) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = new SymmetricSecurityKey(secrets.SigningKey),
        NameClaimType = CraftsmanClaims.Name,
        RoleClaimType = CraftsmanClaims.Role,
        ClockSkew = TimeSpan.FromMinutes(1),
    };

    public string Issue(string subject, string name, string role, string? editionId = null, string? occupation = null, long? generation = null)
    {
        var claims = new Dictionary<string, object>
        {
            [CraftsmanClaims.Subject] = subject,
            [CraftsmanClaims.Name] = name,
            [CraftsmanClaims.Role] = role,
        };
        if (editionId is not null) claims[CraftsmanClaims.Edition] = editionId;
        if (occupation is not null) claims[CraftsmanClaims.Occupation] = occupation;
        if (generation is not null) claims[CraftsmanClaims.Generation] = generation.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(options.Value.TokenLifetimeHours),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(secrets.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
