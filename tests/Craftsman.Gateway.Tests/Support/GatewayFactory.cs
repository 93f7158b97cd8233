using Craftsman.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Craftsman.Gateway.Tests.Support;

/// <summary>
/// The whole embedded system (gateway + co-hosted silo) on a SQLite file of the test's choosing,
/// with free ports so several factories can run side by side.
/// </summary>
public sealed class GatewayFactory(string databasePath, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string OrganiserPassword = "organiser-test-password";

    public string DatabasePath { get; } = databasePath;

    /// <summary>Unique per factory, so a test's gateway can never join another process's silos on this machine.</summary>
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    public GatewayFactory() : this(NewDatabasePath()) { }

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "craftsman-tests", $"{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Craftsman:Silo:DatabasePath", DatabasePath);
        builder.UseSetting("Craftsman:Silo:SiloPort", FreePort().ToString());
        builder.UseSetting("Craftsman:Silo:GatewayPort", FreePort().ToString());
        builder.UseSetting("Craftsman:Silo:SeedSampleEdition", "true");
        builder.UseSetting("Craftsman:ClusterId", ClusterId);
        builder.UseSetting("Craftsman:ServiceId", ClusterId);
        builder.UseSetting("Craftsman:Auth:OrganiserPassword", OrganiserPassword);
        builder.UseSetting("Craftsman:Auth:SecretsPath", Path.Combine(Path.GetDirectoryName(DatabasePath)!, Path.GetFileNameWithoutExtension(DatabasePath) + "-secrets"));
        builder.UseSetting("Craftsman:Live:RenewInterval", "00:00:02");
        configure?.Invoke(builder);
    }

    public static int FreePort() => LoopbackPorts.Next();
}
