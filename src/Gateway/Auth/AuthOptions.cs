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

    /// <summary>Failed sign-ins allowed per credential and client address within <see cref="FailureWindowSeconds"/>; past it an address is also slowed down.</summary>
    [Range(1, 1000)]
    public int SignInFailuresAllowed { get; set; } = 5;

    [Range(1, 86400)]
    public int FailureWindowSeconds { get; set; } = 300;

    /// <summary>Added to each attempt from an address per failure beyond the allowance.</summary>
    [Range(0, 60_000)]
    public int SlowDownStepMilliseconds { get; set; } = 500;

    [Range(0, 600_000)]
    public int MaxSlowDownMilliseconds { get; set; } = 5_000;

    /// <summary>Organiser password checks hashing at once; the rest wait in a queue of <see cref="PasswordCheckQueueLimit"/>.</summary>
    [Range(1, 64)]
    public int ConcurrentPasswordChecks { get; set; } = 1;

    [Range(0, 10_000)]
    public int PasswordCheckQueueLimit { get; set; } = 8;
}
