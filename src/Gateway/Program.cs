using Craftsman.Gateway.Cluster;
using Craftsman.Gateway.Extensions;
#if CRAFTSMAN_EMBEDDED
using Craftsman.Silo.Backups;

// `restore BACKUP.db`: put a backup in place of the embedded store (the system stopped), then exit.
if (StoreRestore.IsCommand(args, out var backup, out var settings))
    return StoreRestore.Run(backup, WebApplication.CreateBuilder(settings).Configuration, Console.Out);
#endif

var builder = WebApplication.CreateBuilder(args);
builder.AddCraftsmanCluster();
builder.AddCraftsmanGateway();

var app = builder.Build();
app.MapCraftsmanEndpoints();
app.Run();
return 0;

/// <summary>Exposed so the gateway tests can host it with WebApplicationFactory.</summary>
public partial class Program;
