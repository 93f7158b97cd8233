using Craftsman.Silo.Extensions;
using Craftsman.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Craftsman.Grains.Tests.Storage;

public sealed class SqliteGrainStorageRegistrationTests
{
    [Fact]
    public void NamedProviderJoinsTheSiloLifecycleAndSerializesWithOrleansBinaryFormat()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddSqliteGrainStorage("registration-test", options => options.DatabasePath = "unused.db"));
        using var host = builder.Build();

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("registration-test");
        var options = host.Services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get("registration-test");

        Assert.IsType<SqliteGrainStorage>(Assert.IsType<InstrumentedGrainStorage>(storage).Inner);
        Assert.Contains(host.Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), participant => ReferenceEquals(participant, storage));
        Assert.IsType<OrleansGrainStorageSerializer>(options.GrainStorageSerializer);
    }
}
