using System.Net;
using System.Security.Cryptography.X509Certificates;
using Craftsman.Gateway.Venue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;

namespace Craftsman.Gateway.Tests.Venue;

/// <summary>
/// The venue's HTTPS (so tablets may keep the judge page for offline use): the gateway certificate
/// names every address given, is for server authentication, chains to the venue authority alone,
/// and Kestrel serves TLS with it to a client that trusts only that authority.
/// </summary>
public sealed class VenueCertificateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheGatewayCertificateNamesEveryAddressAndChainsToTheVenueAuthority()
    {
        var issued = VenueCertificate.Issue(["192.168.1.10", "venue.lan"], Now);

        var names = issued.Gateway.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal([IPAddress.Parse("192.168.1.10")], names.EnumerateIPAddresses());
        Assert.Equal(["venue.lan"], names.EnumerateDnsNames());
        Assert.Contains(issued.Gateway.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(),
            oid => oid.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True(issued.Gateway.HasPrivateKey);
        Assert.True(Chains(issued.Gateway, issued.Authority));
        Assert.False(Chains(issued.Gateway, VenueCertificate.Issue(["192.168.1.10"], Now).Authority));
    }

    [Fact]
    public async Task KestrelServesHttpsWithTheWrittenFilesToAClientThatTrustsTheAuthority()
    {
        var folder = Directory.CreateTempSubdirectory("craftsman-venue-cert-").FullName;
        var output = new StringWriter();
        Assert.Equal(0, VenueCertificate.Run([VenueCertificate.Command, "--host", "127.0.0.1", "--out", folder], output, TimeProvider.System));
        var password = output.ToString().Split('\n').Single(l => l.Contains("Certificate__Password=", StringComparison.Ordinal)).Split('=')[1].Trim();
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, VenueCertificate.AuthorityFile)));
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(folder, VenueCertificate.GatewayFile), password);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        await using var app = builder.Build();
        app.MapGet("/", () => "venue");
        await app.StartAsync();
        var address = app.Urls.Single();

        using var trusting = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, errors) => cert is not null && Chains(cert, authority)
                && (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == 0,
        });
        Assert.Equal("venue", await trusting.GetStringAsync(address));

        using var untrusting = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetStringAsync(address));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("--host")]
    [InlineData("--host not_a_host!")]
    [InlineData("--colour red")]
    public void AMissingOrMalformedArgumentIsRefusedAndNothingIsWritten(string given)
    {
        var arguments = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folder = Path.Combine(Path.GetTempPath(), $"craftsman-venue-cert-{Guid.NewGuid():N}");
        var output = new StringWriter();
        Assert.Equal(2, VenueCertificate.Run([VenueCertificate.Command, .. arguments, "--out", folder], output, TimeProvider.System));
        Assert.Contains(VenueCertificate.Command, output.ToString());
        Assert.False(Directory.Exists(folder));
    }

    private static bool Chains(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
