using System.Net;
using Craftsman.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Craftsman.Browser.Tests.Support;

/// <summary>
/// The whole embedded system (gateway + co-hosted silo) on a real Kestrel port on 127.0.0.1, so a
/// browser can reach it; a temporary SQLite file and free silo ports, so servers never share state.
/// </summary>
public sealed class GatewayServer : WebApplicationFactory<Program>
{
    public const string OrganiserPassword = "organiser-browser-test";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "craftsman-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _seedSampleEdition;

    private GatewayServer(bool seedSampleEdition)
    {
        _seedSampleEdition = seedSampleEdition;
        // Port 0: the kernel picks the port at bind time, so nothing can take it in between.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public int Port => new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>An absolute URL of the gateway for a path such as "/judge/".</summary>
    public string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    /// <summary>Starts a gateway; with <paramref name="seedSampleEdition"/> the sample edition 2020 is loaded at start.</summary>
    public static GatewayServer Start(bool seedSampleEdition = true)
    {
        var server = new GatewayServer(seedSampleEdition);
        server.StartServer();
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Craftsman:Silo:DatabasePath", Path.Combine(_directory, "craftsman.db"));
        builder.UseSetting("Craftsman:Silo:SiloPort", LoopbackPorts.Next().ToString());
        builder.UseSetting("Craftsman:Silo:GatewayPort", LoopbackPorts.Next().ToString());
        builder.UseSetting("Craftsman:Silo:SeedSampleEdition", _seedSampleEdition ? "true" : "false");
        builder.UseSetting("Craftsman:Auth:OrganiserPassword", OrganiserPassword);
        // A cluster of its own, so the test's gateway never joins another process's silos.
        builder.UseSetting("Craftsman:ClusterId", $"browser-{Guid.NewGuid():N}");
        builder.UseSetting("Craftsman:Auth:SecretsPath", Path.Combine(_directory, "secrets"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
