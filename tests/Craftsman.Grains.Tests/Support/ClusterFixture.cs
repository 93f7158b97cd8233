using Orleans.TestingHost;

namespace Craftsman.Grains.Tests.Support;

/// <summary>One cluster shared by the grain tests; every test works in an edition of its own.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync() => Cluster = await TestClusterHost.StartAsync(TestClusterHost.NewDatabasePath());

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
