using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// The token signing key and the organiser's password hash, from configuration or, on the
/// embedded default, generated once into the secrets folder so they survive restarts.
/// </summary>
public sealed class GatewaySecrets
{
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly string _organiserHash;

    public GatewaySecrets(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        var signingKey = o.SigningKey is { Length: > 0 } configured
            ? configured
            : ReadOrCreate(Path.Combine(o.SecretsPath, "signing.key"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), out _);
        SigningKey = Convert.FromBase64String(signingKey);
        if (SigningKey.Length < 32)
            throw new InvalidOperationException($"{AuthOptions.Section}:SigningKey must be at least 32 bytes (base64).");

        if (o.OrganiserPassword is { Length: > 0 } password)
        {
            _organiserHash = Hasher.HashPassword(Roles.Organiser, password);
            PasswordFile = null;
            return;
        }
        string? generated = null;
        _organiserHash = ReadOrCreate(Path.Combine(o.SecretsPath, "organiser.hash"), () =>
        {
            generated = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 16);
            return Hasher.HashPassword(Roles.Organiser, generated);
        }, out var created);
        GeneratedPassword = created ? generated : null;
        PasswordFile = Path.GetFullPath(Path.Combine(o.SecretsPath, "organiser.hash"));
    }

    /// <summary>The organiser password generated at this start (the first), to be shown once; null otherwise.</summary>
    public string? GeneratedPassword { get; }

    /// <summary>Where the generated password's hash is kept; null when the password is configured.</summary>
    public string? PasswordFile { get; }

    public byte[] SigningKey { get; }

    public bool IsOrganiserPassword(string password) =>
        Hasher.VerifyHashedPassword(Roles.Organiser, _organiserHash, password) != PasswordVerificationResult.Failed;

    private static string ReadOrCreate(string path, Func<string> create, out bool created)
    {
        if (File.Exists(path))
        {
            created = false;
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var value = create();
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        created = true;
        return value;
    }
}
