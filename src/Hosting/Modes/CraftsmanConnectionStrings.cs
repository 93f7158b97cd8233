namespace Craftsman.Hosting.Modes;

/// <summary>Where cluster mode finds its PostgreSQL database: "ConnectionStrings:Craftsman" (or ConnectionStrings__Craftsman).</summary>
public static class CraftsmanConnectionStrings
{
    public const string Name = "Craftsman";

    /// <summary>The ADO.NET invariant under which Orleans loads Npgsql, for silos and gateways alike.</summary>
    public const string AdoNetInvariant = "Npgsql";

    public static string Require(IConfiguration configuration) =>
        configuration.GetConnectionString(Name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Cluster mode needs the PostgreSQL connection string 'ConnectionStrings:{Name}' (environment: ConnectionStrings__{Name}).");
}
