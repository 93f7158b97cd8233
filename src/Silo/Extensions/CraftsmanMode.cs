using Orleans.Configuration;

namespace Craftsman.Silo.Extensions;

/// <summary>The one setting, "Craftsman:Mode", that chooses how the system is hosted.</summary>
public enum CraftsmanMode
{
    /// <summary>One process: a silo with localhost clustering on the embedded SQLite store.</summary>
    Embedded,

    /// <summary>Several silos and gateways sharing membership and grain state in PostgreSQL.</summary>
    Cluster,
}

public static class CraftsmanHosting
{
    public static CraftsmanMode Mode(IConfiguration configuration) =>
        configuration.GetValue("Craftsman:Mode", CraftsmanMode.Embedded);

    /// <summary>Silos and gateways of one deployment must agree on these ("Craftsman:ClusterId", "Craftsman:ServiceId").</summary>
    public static void ConfigureIdentity(ClusterOptions options, IConfiguration configuration)
    {
        options.ClusterId = ClusterId(configuration);
        options.ServiceId = ServiceId(configuration);
    }

    public static string ClusterId(IConfiguration configuration) => configuration["Craftsman:ClusterId"] ?? "craftsman";

    public static string ServiceId(IConfiguration configuration) => configuration["Craftsman:ServiceId"] ?? "craftsman";
}
