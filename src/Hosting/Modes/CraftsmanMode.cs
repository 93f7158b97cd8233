namespace Craftsman.Hosting.Modes;

/// <summary>The one setting, "Craftsman:Mode", that chooses how the system is hosted.</summary>
public enum CraftsmanMode
{
    /// <summary>One process: a silo with localhost clustering on the embedded SQLite store.</summary>
    Embedded,

    /// <summary>Several silos and gateways sharing membership and grain state in PostgreSQL.</summary>
    Cluster,
}
