using Craftsman.Silo.Extensions;
using Orleans.TestingHost;

namespace Craftsman.Grains.Tests.Support;

/// <summary>An in-process Orleans cluster on the real SQLite store, in a temp file the caller owns.</summary>
public static class TestClusterHost
{
    public static async Task<InProcessTestCluster> StartAsync(string databasePath)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddCraftsmanGrainServices(databasePath));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "craftsman-tests", $"{Guid.NewGuid():N}.db");
}
