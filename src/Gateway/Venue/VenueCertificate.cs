using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Craftsman.Gateway.Venue;

/// <summary>
/// The venue's own HTTPS: browsers keep a page's files for offline use (a service worker) only on
/// HTTPS or localhost, and tablets reach the gateway by its LAN address. This command makes a venue
/// certificate authority and, signed by it, a certificate for the gateway's addresses:
/// <c>dotnet run --project src/Gateway -- venue-cert --host 192.168.1.10 [--host venue.lan] [--out FOLDER]</c>.
/// The tablets trust the authority once (install <c>venue-ca.crt</c>); Kestrel serves the gateway's
/// certificate (<c>venue-gateway.pfx</c>, settings printed by the command).
/// </summary>
public static class VenueCertificate
{
    public const string Command = "venue-cert";

    public const string AuthorityFile = "venue-ca.crt";

    public const string GatewayFile = "venue-gateway.pfx";

    public sealed record Issued(X509Certificate2 Authority, X509Certificate2 Gateway, string Password);

    public static bool IsCommand(string[] args) => args.Length >= 1 && args[0] == Command;

    /// <summary>Runs the command; answers the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TimeProvider clock)
    {
        var hosts = new List<string>();
        var folder = "venue-cert";
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--host" && i + 1 < args.Length)
                hosts.Add(args[++i]);
            else if (args[i] == "--out" && i + 1 < args.Length)
                folder = args[++i];
            else
            {
                output.WriteLine($"{Command}: unknown argument '{args[i]}'. Usage: {Command} --host ADDRESS [--host NAME ...] [--out FOLDER]");
                return 2;
            }
        }
        if (hosts.Count == 0 || hosts.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
        {
            output.WriteLine($"{Command}: give each address or name the tablets open with --host (an IP address or a DNS name).");
            return 2;
        }

        var issued = Issue(hosts, clock.GetUtcNow());
        Directory.CreateDirectory(folder);
        var authority = Path.GetFullPath(Path.Combine(folder, AuthorityFile));
        var gateway = Path.GetFullPath(Path.Combine(folder, GatewayFile));
        File.WriteAllText(authority, issued.Authority.ExportCertificatePem());
        File.WriteAllBytes(gateway, issued.Gateway.Export(X509ContentType.Pkcs12, issued.Password));
        output.WriteLine($"Venue authority (install on each tablet once, as a trusted CA): {authority}");
        output.WriteLine($"Gateway certificate for {string.Join(", ", hosts)}: {gateway}");
        output.WriteLine("Serve HTTPS with these settings (environment variables):");
        output.WriteLine($"  Kestrel__Endpoints__Https__Url=https://0.0.0.0:5001");
        output.WriteLine($"  Kestrel__Endpoints__Https__Certificate__Path={gateway}");
        output.WriteLine($"  Kestrel__Endpoints__Https__Certificate__Password={issued.Password}");
        output.WriteLine($"  Craftsman__PublicUrl=https://{(hosts[0].Contains(':') ? $"[{hosts[0]}]" : hosts[0])}:5001");
        return 0;
    }

    /// <summary>A new authority (valid 2 years) and a gateway certificate it signed for <paramref name="hosts"/> (valid 1 year).</summary>
    public static Issued Issue(IReadOnlyList<string> hosts, DateTimeOffset now)
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Craftsman venue authority", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));

        using var gatewayKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var gatewayRequest = new CertificateRequest($"CN={hosts[0]}", gatewayKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var address))
                names.AddIpAddress(address);
            else
                names.AddDnsName(host);
        }
        gatewayRequest.CertificateExtensions.Add(names.Build());
        gatewayRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        gatewayRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        gatewayRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        gatewayRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = gatewayRequest.Create(authority, now.AddDays(-1), now.AddYears(1), serial);
        var gateway = signed.CopyWithPrivateKey(gatewayKey);
        return new Issued(authority, gateway, Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));
    }
}
