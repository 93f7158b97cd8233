namespace Craftsman.Silo.Extensions;

/// <summary>The "Craftsman:Silo" configuration section.</summary>
public sealed class CraftsmanSiloOptions
{
    public const string Section = "Craftsman:Silo";

    /// <summary>The embedded store's SQLite file; relative paths are resolved from the working directory.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "craftsman.db");

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Cluster mode: the address other silos and gateways reach this silo on.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Load the bundled sample edition when the store holds no edition yet.</summary>
    public bool SeedSampleEdition { get; set; } = true;
}
