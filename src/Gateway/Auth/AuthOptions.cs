using System.ComponentModel.DataAnnotations;

namespace Craftsman.Gateway.Auth;

/// <summary>The "Craftsman:Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Craftsman:Auth";

    /// <summary>Base64 HMAC key (≥ 32 bytes) that signs tokens; shared by every gateway of a cluster. Generated into <see cref="SecretsPath"/> when absent.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The organiser's password; when absent one is generated at first start and printed once.</summary>
    public string? OrganiserPassword { get; set; }

    /// <summary>Where generated secrets are kept, relative to the working directory.</summary>
    [Required]
    public string SecretsPath { get; set; } = "data";

    [Range(0.1, 168)]
    public double TokenLifetimeHours { get; set; } = 16;

    /// <summary>Failed sign-ins allowed per client address within <see cref="FailureWindowSeconds"/>.</summary>
    [Range(1, 1000)]
    public int SignInFailuresAllowed { get; set; } = 5;

    [Range(1, 86400)]
    public int FailureWindowSeconds { get; set; } = 300;
}
